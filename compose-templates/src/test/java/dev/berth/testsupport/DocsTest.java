package dev.berth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** README and docs/ are read by people who have only this repository. */
class DocsTest {
    @Test
    void noPageSendsItsReaderIntoTheSharedFolderBesideTheProjectsOwnCheckout() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(RepoPaths.root().resolve("README.md")));
        try (Stream<Path> docs = Files.walk(RepoPaths.root().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> pointers = new ArrayList<>();
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("shared/")) {
                    pointers.add(RepoPaths.root().relativize(page) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }

        assertEquals(List.of(), pointers, "pages that point into shared/, which a reader of the public repository does not have");
    }
}

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

    /**
     * scripts/screenshots retakes every picture; a picture the guide names that the script no longer
     * takes shows as a broken image, and one it takes that no page shows is a page of the guide missing.
     */
    @Test
    void theGuideShowsEveryScreenshotAndEachOneItNamesExists() throws IOException {
        Path docs = RepoPaths.root().resolve("docs");
        java.util.Set<String> named = new java.util.TreeSet<>();
        java.util.regex.Pattern picture = java.util.regex.Pattern.compile("\\]\\((screenshots/[^)\\s]+\\.png)\\)");
        try (Stream<Path> pages = Files.list(docs)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                java.util.regex.Matcher m = picture.matcher(Files.readString(page));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        java.util.Set<String> taken = new java.util.TreeSet<>();
        try (Stream<Path> pngs = Files.list(docs.resolve("screenshots"))) {
            pngs.filter(p -> p.toString().endsWith(".png")).forEach(p -> taken.add("screenshots/" + p.getFileName()));
        }

        java.util.Set<String> missing = new java.util.TreeSet<>(named);
        missing.removeAll(taken);
        java.util.Set<String> unused = new java.util.TreeSet<>(taken);
        unused.removeAll(named);
        assertEquals(java.util.Set.of(), missing, "pictures docs/ names that docs/screenshots/ does not have (run scripts/screenshots)");
        assertEquals(java.util.Set.of(), unused, "pictures in docs/screenshots/ that no page of docs/ shows");
    }
}

package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.Examples;
import dev.berth.testsupport.RepoPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example renders to exactly the files kept under src/test/resources/golden/<example>/.
 * Secrets come from a seeded generator, so they are stable too. After an intended change, run
 * {@code ./mvnw -pl compose-templates test -Dtest=GoldenFilesTest -Dberth.updateGolden=true}
 * and review the diff like any other code.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = RepoPaths.root().resolve("compose-templates/src/test/resources/golden");

    /** The single-host examples: a stack on several hosts is split per host first (ClusterFilesTest). */
    static List<String> examples() {
        return Examples.names().stream().filter(name -> !Examples.answers(name).isMultiHost()).toList();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void rendersTheGoldenFiles(String example) throws IOException {
        RenderedStack stack = Examples.render(example);
        Path dir = GOLDEN.resolve(example);
        if (Boolean.getBoolean("berth.updateGolden")) {
            deleteRecursively(dir);
            FolderExport.write(stack, dir);
        }
        TreeSet<String> expected = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> expected.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(expected, new TreeSet<>(stack.files().keySet()), "the set of files for " + example);
        for (Map.Entry<String, RenderedFile> e : stack.files().entrySet()) {
            String want = Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8);
            assertEquals(want, e.getValue().text(), example + "/" + e.getKey()
                    + " differs from its golden copy (if intended, re-run with -Dberth.updateGolden=true)");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}

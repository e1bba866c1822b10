package dev.berth.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opentest4j.TestAbortedException;

/**
 * Other projects' own schemas (the Compose Specification, Authelia, Nginx Proxy Manager's API)
 * that tests check generated files and test doubles against. They live in {@code ../shared/schemas}
 * beside the project's own checkout and are not part of the repository, so a plain clone lacks
 * them. A test that needs one asks here: where the file is missing it is skipped with the folder
 * that is missing and what it would have checked; under CI ({@code CI=true}) it fails instead,
 * because CI must run every schema check. Ask in {@code @BeforeEach} or in the test itself, not
 * in {@code @BeforeAll}: Surefire reports a class skipped there as "Tests run: 0", without the reason.
 */
public final class SharedSchemas {
    private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();

    private SharedSchemas() {
    }

    /**
     * The file or folder {@code name} in {@code ../shared/schemas}, or a skip (a failure under CI).
     *
     * @param wouldCheck what the test checks against it, for the reason a reader sees
     */
    public static Path require(String name, String wouldCheck) {
        try {
            return require(RepoPaths.shared(), name, wouldCheck, ExternalTool.underCi());
        } catch (TestAbortedException skipped) {
            // Surefire's console counts skips but never says why (the reason is only in its XML
            // report), so say it once per test class and schema where the person running the build sees it.
            if (SHOWN.add(testClass() + " " + name)) {
                System.out.println("Skipped: " + skipped.getMessage());
            }
            throw skipped;
        }
    }

    /** The test class asking (the first caller named *Test), to say the reason once per class. */
    private static String testClass() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .map(f -> f.getDeclaringClass().getName())
                .filter(c -> c.endsWith("Test"))
                .findFirst().orElse(""));
    }

    /** The decision itself, on a given shared folder and CI setting (so it can be tested). */
    static Path require(Path shared, String name, String wouldCheck, boolean underCi) {
        Path wanted = shared.resolve("schemas").resolve(name);
        if (Files.exists(wanted)) {
            return wanted;
        }
        ExternalTool.skipOrFail(reason(shared, wanted, wouldCheck), underCi);
        return wanted; // not reached: skipOrFail always throws
    }

    private static String reason(Path shared, Path wanted, String wouldCheck) {
        // Name the outermost folder that is missing: in a fresh clone, the whole ../shared.
        Path missing = wanted;
        while (!missing.equals(shared) && !Files.exists(missing.getParent())) {
            missing = missing.getParent();
        }
        return missing + " is missing (wanted: " + wanted + "), so this test did not check " + wouldCheck
                + ". These schemas sit in ../shared/schemas beside the project's own checkout, not in the repository;"
                + " with that folder in place the test runs, and under CI=true its absence fails the test.";
    }
}

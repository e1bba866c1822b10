package dev.berth.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project and the shared reference folder are, from any module's tests. */
public final class RepoPaths {
    private RepoPaths() {
    }

    /** The reactor root (the folder with mvnw). */
    public static Path root() {
        String env = System.getenv("BERTH_REPO_ROOT");
        if (env != null && Files.exists(Path.of(env, "mvnw"))) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("Cannot find the project root (the folder holding mvnw) above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** {@code ../shared}: the schemas and reference notes beside the project. */
    public static Path shared() {
        return root().resolveSibling("shared");
    }

    public static Path examples() {
        return root().resolve("docs/examples");
    }
}

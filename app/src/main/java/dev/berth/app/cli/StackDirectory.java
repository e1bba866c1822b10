package dev.berth.app.cli;

import dev.berth.render.RenderedStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A stack folder on this computer, written so that a failure leaves it as it was: the files go to
 * a staging folder beside it first, and only then move into place.
 */
final class StackDirectory {
    static final class NotAStackException extends RuntimeException {
        NotAStackException(String message) {
            super(message);
        }
    }

    private final Path dir;

    StackDirectory(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** Refuses a folder that holds files Berth did not make, before anything is computed or written. */
    void checkWritable() throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new NotAStackException(dir + " is a file, not a folder. Choose a new or empty folder for --out.");
        }
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve("berth.yaml"))) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new NotAStackException(dir + " already holds files that Berth did not make (there is no berth.yaml). "
                            + "Nothing was written. Choose a new or empty folder for --out.");
                }
            }
        }
    }

    /** The secrets of the stack already in this folder, so a re-render keeps every password and key. */
    Map<String, String> readSecrets() throws IOException {
        Map<String, String> secrets = new TreeMap<>();
        Path folder = dir.resolve("secrets");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    secrets.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return secrets;
    }

    /**
     * The host ports the stack in this folder publishes now (from its compose.yaml), so that
     * rendering again keeps them; none for a new folder. {@link #checkWritable} has refused a
     * folder Berth did not make before this is read.
     */
    dev.berth.plan.PreviousPorts readPorts() throws IOException {
        Path compose = dir.resolve("compose.yaml");
        return Files.isRegularFile(compose) && Files.isRegularFile(dir.resolve("berth.yaml"))
                ? dev.berth.plan.PreviousPorts.fromCompose(Files.readString(compose, StandardCharsets.UTF_8))
                : dev.berth.plan.PreviousPorts.NONE;
    }

    void write(RenderedStack stack) throws IOException {
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + dir.getFileName() + ".berth-staging-");
        // Temp folders are owner-only; the stack folder must be traversable for the containers' users.
        Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            stack.writeTo(staging);
            if (!Files.exists(dir)) {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            for (String path : stack.files().keySet()) {
                Path target = dir.resolve(path);
                Files.createDirectories(target.getParent());
                Files.move(staging.resolve(path), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}

package dev.berth.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a rendered stack's files under a folder on this computer as they are: the wizard's
 * "Export files", and tests that need a stack on disk. A deploy and {@code berth render} write
 * through the engine instead, staged, so a failure leaves the folder as it was.
 */
public final class FolderExport {
    private FolderExport() {
    }

    /**
     * Writes every file under {@code dir}, on whatever file system it is, replacing files of the
     * same name. Secrets are owner-only from their creation, never readable by others, not even
     * briefly: by their POSIX mode, or by an access list on Windows ({@link LocalFileModes}).
     *
     * @return a note for the person when the folder's file system cannot keep the secrets to them
     *         (a FAT USB stick); the files are written all the same
     */
    public static Optional<String> write(RenderedStack stack, Path dir) throws IOException {
        Files.createDirectories(dir);
        LocalFileModes modes = LocalFileModes.of(dir);
        boolean anyPrivate = false;
        for (Map.Entry<String, RenderedFile> e : stack.files().entrySet()) {
            Path target = resolve(dir, e.getKey());
            Files.createDirectories(target.getParent());
            RenderedFile f = e.getValue();
            modes.write(target, f.content(), f.mode());
            anyPrivate |= LocalFileModes.ownerOnly(f.mode());
        }
        return anyPrivate ? modes.note(dir) : Optional.empty();
    }

    /** A stack path ({@code config/grafana/x.yaml}, always with '/') under {@code dir}, one name at a time, so any file system's separator is used. */
    static Path resolve(Path dir, String relative) {
        Path p = dir;
        for (String name : relative.split("/")) {
            p = p.resolve(name);
        }
        return p;
    }
}

package dev.berth.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The files of a stack: relative path (with '/') to content, in a stable order. Writing them to a
 * machine is the engine's job; {@link #writeTo(Path)} is the plain local form the CLI uses.
 */
public record RenderedStack(Map<String, RenderedFile> files) {
    public RenderedStack {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public RenderedFile file(String path) {
        RenderedFile f = files.get(path);
        if (f == null) {
            throw new IllegalArgumentException("No generated file " + path + "; files: " + files.keySet());
        }
        return f;
    }

    public String text(String path) {
        return file(path).text();
    }

    /**
     * Writes every file under {@code dir}. The caller gives a fresh or staging directory: a
     * failure part-way leaves only that directory to remove.
     */
    public void writeTo(Path dir) throws IOException {
        for (Map.Entry<String, RenderedFile> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            RenderedFile f = e.getValue();
            if (f.secret()) {
                // Create it owner-only from the start: the secret is never readable by others, not even briefly.
                Files.deleteIfExists(target);
                Files.createFile(target, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(permissions(f.mode())));
                Files.write(target, f.content());
            } else {
                Files.write(target, f.content());
                Files.setPosixFilePermissions(target, permissions(f.mode()));
            }
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}

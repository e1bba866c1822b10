package dev.berth.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes a rendered stack's files under a folder on this computer as they are: the wizard's
 * "Export files", and tests that need a stack on disk. A deploy and {@code berth render} write
 * through the engine instead, staged, so a failure leaves the folder as it was.
 */
public final class FolderExport {
    private FolderExport() {
    }

    /**
     * Writes every file under {@code dir}, replacing files of the same name. Secrets are created
     * owner-only, never readable by others, not even briefly; on a file system without POSIX
     * permissions (a FAT USB stick) the files are written plain.
     */
    public static void write(RenderedStack stack, Path dir) throws IOException {
        Files.createDirectories(dir);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        for (Map.Entry<String, RenderedFile> e : stack.files().entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            RenderedFile f = e.getValue();
            if (!posix) {
                Files.write(target, f.content());
            } else if (f.secret()) {
                Files.deleteIfExists(target);
                Files.createFile(target, PosixFilePermissions.asFileAttribute(permissions(f.mode())));
                Files.write(target, f.content());
            } else {
                Files.write(target, f.content());
                Files.setPosixFilePermissions(target, permissions(f.mode()));
            }
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
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

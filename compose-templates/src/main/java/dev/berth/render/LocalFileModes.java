package dev.berth.render;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gives files written on the computer Berth runs on the POSIX mode a stack file asks for, on
 * whatever file system the folder is: the mode itself where the file system has POSIX
 * permissions (Linux, macOS); where it has access lists instead (Windows' NTFS), a file meant for
 * its owner alone (no group or other bits: secrets, logs) gets one ALLOW entry for its owner and
 * nothing inherited from the folder; where it has neither (a FAT or exFAT stick), the files are
 * written plain and {@link #note(Path)} says so, once for the folder. The one place that knows
 * this, for {@link FolderExport} and the engine's files on this computer.
 *
 * <p>A restricted file is made empty, restricted, and only then given its content, so its content
 * is never readable by others.
 */
public final class LocalFileModes {
    /** What the folder's file system keeps about who may read a file. */
    public enum Kind { POSIX, ACL, NONE }

    private final Kind kind;

    private LocalFileModes(Kind kind) {
        this.kind = kind;
    }

    /**
     * The file system of {@code folder}, which must exist. A POSIX file system is known by its
     * views alone (Linux's file stores can fail to be found in some containers, and every one of
     * them takes a mode); on Windows the folder's own store says whether it keeps access lists
     * (NTFS does, a FAT stick does not).
     */
    public static LocalFileModes of(Path folder) throws IOException {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new LocalFileModes(Kind.POSIX);
        }
        FileStore store = Files.getFileStore(folder);
        return new LocalFileModes(store.supportsFileAttributeView(AclFileAttributeView.class) ? Kind.ACL : Kind.NONE);
    }

    public Kind kind() {
        return kind;
    }

    /** A mode with no group or other bits: the file is its owner's alone. */
    public static boolean ownerOnly(int mode) {
        return (mode & 077) == 0;
    }

    /**
     * What a person should know about {@code folder}: present only when its file system cannot
     * keep files to their owner, so files meant to be private (secrets, logs) are not.
     */
    public Optional<String> note(Path folder) {
        return kind != Kind.NONE ? Optional.empty() : Optional.of("The files in " + folder + " are not restricted to you: "
                + "its file system keeps neither permissions nor access lists (FAT or exFAT, as on many USB sticks), "
                + "so anyone who can read that disk can read the passwords and keys in them. "
                + "Write them to a folder on your own disk instead, or keep this disk to yourself.");
    }

    /** Writes {@code content} to {@code file}, replacing it; an owner-only file is made anew so it is never readable by others. */
    public void write(Path file, byte[] content, int mode) throws IOException {
        if (kind == Kind.NONE) {
            Files.write(file, content);
        } else if (ownerOnly(mode)) {
            int writable = mode | 0600; // a read-only mode is given after the content is in
            Files.deleteIfExists(file);
            if (kind == Kind.POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(posix(writable)));
            } else {
                Files.createFile(file);
                restrictToOwner(file, writable);
            }
            Files.write(file, content);
            if (writable != mode) {
                apply(file, mode);
            }
        } else {
            Files.write(file, content);
            apply(file, mode);
        }
    }

    /**
     * Gives a file Berth just created, still empty (a staged temp file), its mode: the POSIX
     * mode as it is, or on an access-list file system an owner-only list when the mode is
     * owner-only (other files keep the folder's inherited entries, as any file the person makes there).
     */
    public void apply(Path file, int mode) throws IOException {
        switch (kind) {
            case POSIX -> Files.setPosixFilePermissions(file, posix(mode));
            case ACL -> {
                if (ownerOnly(mode)) {
                    restrictToOwner(file, mode);
                }
            }
            case NONE -> {
                // Nothing to set: note(folder) tells the person once.
            }
        }
    }

    /**
     * One ALLOW entry for the file's owner and nothing else: the entries inherited from the
     * folder are replaced, and the entry has no inheritance flags (a file passes nothing on).
     */
    private static void restrictToOwner(Path file, int mode) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
        AclEntry owner = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(view.getOwner())
                .setPermissions(aclPermissions(mode))
                .build();
        view.setAcl(List.of(owner));
    }

    /** The owner's bits as access-list permissions; the owner may always read and change the list, and delete the file. */
    static Set<AclEntryPermission> aclPermissions(int mode) {
        Set<AclEntryPermission> set = EnumSet.of(AclEntryPermission.READ_ATTRIBUTES, AclEntryPermission.READ_ACL,
                AclEntryPermission.WRITE_ACL, AclEntryPermission.DELETE, AclEntryPermission.SYNCHRONIZE);
        if ((mode & 0400) != 0) {
            set.addAll(EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.READ_NAMED_ATTRS));
        }
        if ((mode & 0200) != 0) {
            set.addAll(EnumSet.of(AclEntryPermission.WRITE_DATA, AclEntryPermission.APPEND_DATA,
                    AclEntryPermission.WRITE_ATTRIBUTES, AclEntryPermission.WRITE_NAMED_ATTRS));
        }
        if ((mode & 0100) != 0) {
            set.add(AclEntryPermission.EXECUTE);
        }
        return set;
    }

    /** The nine permission bits of {@code mode} as POSIX permissions. */
    public static Set<PosixFilePermission> posix(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}

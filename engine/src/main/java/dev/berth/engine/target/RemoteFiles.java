package dev.berth.engine.target;

import java.util.Optional;

/** Files on a target, by absolute POSIX path. */
public interface RemoteFiles {
    byte[] read(String path) throws TargetException;

    /**
     * Writes a file so that a reader sees either the old content or the new one, never a part:
     * a temporary file beside it, then a rename over it. The mode is set before the rename.
     */
    void writeAtomic(String path, byte[] content, int mode) throws TargetException;

    /**
     * Replaces the content of a file that exists, keeping the file itself (its inode) and its mode
     * and owner. A container that bind-mounts this one file (a Compose secret under
     * {@code /run/secrets/}) sees the new content; after {@link #writeAtomic}'s rename it would keep
     * seeing the old file. Not atomic: for small files whose readers read them again later.
     */
    void overwrite(String path, byte[] content) throws TargetException;

    /**
     * The first half of a write that lands together with others: the content, with its mode, in a
     * hidden temporary file beside {@code path} (named {@code .<name>.<random>.berth-tmp}). Nothing
     * a reader sees has changed yet.
     *
     * @return the temporary file's path, for {@link #commit} or {@link #deleteFile}
     */
    String stage(String path, byte[] content, int mode) throws TargetException;

    /** The second half: renames a staged file over {@code path} in one step. */
    void commit(String staged, String path) throws TargetException;

    /** Creates the folder and its missing parents; nothing when it exists. */
    void mkdirs(String path) throws TargetException;

    Optional<FileStat> stat(String path) throws TargetException;

    void chown(String path, int uid, int gid) throws TargetException;

    /** Removes a file (never a folder: Berth does not delete folders). Nothing when it is absent. */
    void deleteFile(String path) throws TargetException;

    /**
     * A lister when this side lists folders itself (this computer's files); empty when the
     * target's own programs list them (a server over SSH).
     */
    default Optional<FolderLister> lister() {
        return Optional.empty();
    }
}

package dev.berth.engine.deploy;

import dev.berth.engine.stack.ExistingFile;
import dev.berth.engine.stack.Owner;
import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.TargetException;
import java.util.List;
import java.util.Optional;

/**
 * What a job did to one file on the target, so its undo reverses exactly that: the file was
 * created (undo deletes it) or replaced (undo writes back what was there). Shared by the jobs that
 * write files, with the two reads and writes they make the same way.
 */
sealed interface WrittenFile {
    String path();

    record Created(String path) implements WrittenFile {
    }

    record Replaced(String path, ExistingFile previous) implements WrittenFile {
    }

    /** The file as it is now, with its mode and owner; empty when there is none (or it is no regular file). */
    static Optional<ExistingFile> current(RemoteFiles fs, String path) throws TargetException {
        Optional<FileStat> s = fs.stat(path);
        if (s.isEmpty() || !s.get().regularFile()) {
            return Optional.empty();
        }
        return Optional.of(new ExistingFile(fs.read(path), s.get().mode(), s.get().uid(), s.get().gid()));
    }

    /** Creates missing parent folders, handing the new ones (only those) to the owner. */
    static void makeFolders(RemoteFiles fs, String dir, Optional<Owner> owner) throws TargetException {
        if (dir.isEmpty() || fs.stat(dir).isPresent()) {
            return;
        }
        makeFolders(fs, BackupJob.parent(dir), owner);
        fs.mkdirs(dir);
        if (owner.isPresent()) {
            fs.chown(dir, owner.get().uid(), owner.get().gid());
        }
    }

    /** Puts one file back. */
    @FunctionalInterface
    interface PutBack {
        void undo(WrittenFile file) throws TargetException;
    }

    /**
     * Puts back every file, the last written first, going on past a failure (each file put back is
     * one less to fix by hand).
     *
     * @throws TargetException the first failure, with the others suppressed in it
     */
    static void undoAll(List<WrittenFile> done, PutBack putBack) throws TargetException {
        TargetException first = null;
        for (WrittenFile d : done.reversed()) {
            try {
                putBack.undo(d);
            } catch (TargetException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

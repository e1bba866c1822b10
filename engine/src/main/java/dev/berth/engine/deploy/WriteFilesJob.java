package dev.berth.engine.deploy;

import dev.berth.engine.stack.ExistingFile;
import dev.berth.engine.stack.Owner;
import dev.berth.engine.stack.StackPaths;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.TargetException;
import dev.berth.render.RenderedFile;
import dev.berth.render.RenderedStack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes every generated file into the stack folder, each atomically (a reader, or an interrupted
 * connection, leaves the old file or the new one, never a part). Undo puts back the previous
 * content of every file it replaced, from memory, and deletes the files it created. It never
 * deletes a folder, not even one it created: an empty folder is harmless, a wrong delete is not.
 */
public final class WriteFilesJob implements Job {
    private final String stackDir;
    private final RenderedStack stack;
    private final Map<String, ExistingFile> previous;
    private final Optional<Owner> owner;
    private final List<WrittenFile> done = new ArrayList<>();

    /**
     * @param state the folder as it was loaded (its files are what undo restores)
     * @param owner PUID:PGID to hand the files to; only when the target user is root, as nobody
     *              else may give files away
     */
    public WriteFilesJob(StackState state, RenderedStack stack, Optional<Owner> owner) {
        this.stackDir = state.dir();
        this.stack = stack;
        this.previous = state.files();
        this.owner = owner;
    }

    @Override
    public String description() {
        long secrets = stack.files().values().stream().filter(RenderedFile::secret).count();
        return "Write " + stack.files().size() + " files to " + stackDir + " (" + secrets + " of them secret, owner-only"
                + owner.map(o -> ", owned by " + o).orElse("") + ")";
    }

    /**
     * Two passes, so that a failure while the content travels (a full disk, a cut connection) leaves
     * every file as it was: first each file is staged as a hidden temporary file beside its place,
     * then the staged files are renamed into place, each rename one short step.
     */
    @Override
    public synchronized void execute(JobContext context) throws TargetException {
        RemoteFiles fs = context.target().files();
        Map<String, String> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, RenderedFile> e : stack.files().entrySet()) {
                String path = StackPaths.join(stackDir, e.getKey());
                RenderedFile file = e.getValue();
                WrittenFile.makeFolders(fs, BackupJob.parent(path), owner);
                String tmp = fs.stage(path, file.content(), file.secret() ? RenderedFile.PRIVATE : file.mode());
                staged.put(path, tmp);
                if (owner.isPresent()) {
                    fs.chown(tmp, owner.get().uid(), owner.get().gid());
                }
            }
            for (Map.Entry<String, RenderedFile> e : stack.files().entrySet()) {
                String path = StackPaths.join(stackDir, e.getKey());
                ExistingFile before = previous.get(e.getKey());
                if (before == null) {
                    // The state may be older than the folder: never replace a file without keeping it.
                    before = WrittenFile.current(fs, path).orElse(null);
                }
                // Recorded before the rename: a rename that fails may still have happened.
                done.add(before == null ? new WrittenFile.Created(path) : new WrittenFile.Replaced(path, before));
                // Forgotten only once renamed: a rename that fails leaves its staged file for the cleanup below.
                fs.commit(staged.get(path), path);
                staged.remove(path);
            }
        } finally {
            for (String tmp : staged.values()) {
                try {
                    fs.deleteFile(tmp);
                } catch (TargetException ignored) {
                    // The write's own error is the one to report; a hidden *.berth-tmp file is never read.
                }
            }
        }
    }

    @Override
    public synchronized void undo(JobContext context) throws TargetException {
        RemoteFiles fs = context.target().files();
        try {
            WrittenFile.undoAll(done, d -> {
                switch (d) {
                    case WrittenFile.Created c -> fs.deleteFile(c.path());
                    case WrittenFile.Replaced r -> {
                        if (WrittenFile.current(fs, r.path()).filter(now -> now.sameContent(r.previous().content())
                                && now.mode() == r.previous().mode()).isPresent()) {
                            // Its write never happened (the failed one): rewriting the same bytes
                            // could only fail again on a full disk.
                            return;
                        }
                        fs.writeAtomic(r.path(), r.previous().content(), r.previous().mode());
                        if (owner.isPresent()) {
                            fs.chown(r.path(), r.previous().uid(), r.previous().gid());
                        }
                    }
                }
            });
        } finally {
            done.clear();
        }
    }
}

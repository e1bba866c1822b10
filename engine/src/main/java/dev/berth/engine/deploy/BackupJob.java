package dev.berth.engine.deploy;

import dev.berth.engine.stack.ExistingFile;
import dev.berth.engine.stack.StackPaths;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies the stack's current generated files into {@code .berth/backups/<timestamp>/} before
 * anything is replaced, keeping each file's mode (secrets stay 0600), then removes the oldest
 * backups beyond the last {@value #KEPT}.
 *
 * <p>Undo leaves the backup where it is: it is a copy that changes nothing the stack uses, and
 * when a rollback itself fails half-way it is the only complete copy of the old files left.
 */
public final class BackupJob implements Job {
    static final String BACKUPS = ".berth/backups";
    /** How many backups a stack keeps. */
    static final int KEPT = 10;
    // No ':' in the name: the folder may be browsed over SMB or copied to Windows.
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String stackDir;
    private final Map<String, ExistingFile> files;
    /** The folder the files were copied to, once they were. */
    public static final JobOutcomes.Key<String> FOLDER = JobOutcomes.Key.of("backup folder", String.class);

    public BackupJob(StackState state) {
        this(state.dir(), state.files());
    }

    public BackupJob(String stackDir, Map<String, ExistingFile> files) {
        this.stackDir = stackDir;
        this.files = Map.copyOf(files);
    }

    @Override
    public String description() {
        return files.isEmpty() ? "Nothing to back up: the stack is new"
                : "Back up the " + files.size() + " current files to " + StackPaths.join(stackDir, BACKUPS) + "/";
    }

    @Override
    public void execute(JobContext context) throws TargetException {
        if (files.isEmpty()) {
            return;
        }
        RemoteFiles fs = context.target().files();
        String base = StackPaths.join(stackDir, BACKUPS + "/" + STAMP.format(context.clock().instant()));
        String dir = base;
        // Two deploys in the same second must not mix their backups.
        for (int n = 2; fs.stat(dir).isPresent(); n++) {
            dir = base + "-" + n;
        }
        fs.mkdirs(dir);
        context.record(FOLDER, dir);
        for (Map.Entry<String, ExistingFile> e : files.entrySet()) {
            String target = StackPaths.join(dir, e.getKey());
            fs.mkdirs(parent(target));
            fs.writeAtomic(target, e.getValue().content(), e.getValue().mode());
        }
        prune(context, dir);
    }

    /**
     * Keeps the newest {@link #KEPT} backups, the one just made among them: without a limit every
     * deploy's copy of the stack's files stays forever. Only folders named as this job names them
     * are counted or removed, so anything else a person put there stays. A backup that cannot be
     * removed is left; the next deploy tries again.
     */
    private void prune(JobContext context, String made) throws TargetException {
        String backups = StackPaths.join(stackDir, BACKUPS);
        ExecResult listed = context.target().exec(List.of("ls", "-1A", backups), Duration.ofSeconds(30));
        if (!listed.ok()) {
            return;
        }
        List<String> old = BackupNames.toPrune(listed.stdout().lines().toList(), KEPT, made.substring(made.lastIndexOf('/') + 1));
        if (old.isEmpty()) {
            return;
        }
        List<String> argv = new ArrayList<>(List.of("rm", "-rf", "--"));
        old.forEach(name -> argv.add(StackPaths.join(backups, name)));
        context.target().exec(argv, Duration.ofMinutes(1));
    }

    @Override
    public void undo(JobContext context) {
        // Deliberately nothing: see the class comment.
    }

    /**
     * The folder a path is in, by its last '/'; empty for a path with none, which is a folder on
     * this computer as Windows writes it ({@code C:\Users\ada\stack}, made whole by
     * {@code mkdirs}): a server's paths always start with '/'.
     */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? "/" : path.substring(0, slash);
    }
}

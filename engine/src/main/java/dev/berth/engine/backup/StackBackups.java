package dev.berth.engine.backup;

import dev.berth.engine.ComposeTool;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Backing up and restoring one deployed stack on its target. Every restic command goes through
 * the stack's backup script, so this and the schedule never differ.
 */
public final class StackBackups {
    private final Target target;
    private final StackPlan plan;
    private final String stackDir;
    private final ComposeTool compose;
    private final Clock clock;

    public StackBackups(Target target, StackPlan plan, String stackDir, ComposeTool compose, Clock clock) {
        this.target = target;
        this.plan = plan;
        this.stackDir = stackDir;
        this.compose = compose;
        this.clock = clock;
    }

    /** With the Compose the target has. */
    public static StackBackups onTarget(Target target, StackPlan plan, String stackDir) throws TargetException {
        return new StackBackups(target, plan, stackDir, ComposeTool.detect(target), Clock.systemUTC());
    }

    /** Takes a backup now: stops the apps that must not be copied while they write, snapshots, starts them. */
    public BackupRun backup(Consumer<String> progress, BooleanSupplier cancelled)
            throws TargetException, StackBusyException, BackupException {
        throw new UnsupportedOperationException("being built (issue 16)");
    }

    /** The stack's snapshots, oldest first. */
    public List<Snapshot> snapshots() throws TargetException, BackupException {
        throw new UnsupportedOperationException("being built (issue 16)");
    }

    /** What restoring {@code snapshot} (latest when empty), of one service or all, would do. */
    public RestorePreview previewRestore(Optional<String> snapshot, Optional<String> service)
            throws TargetException, BackupException {
        throw new UnsupportedOperationException("being built (issue 16)");
    }

    /** Stops, restores, starts and waits for health. */
    public RestoreOutcome restore(RestorePreview preview, Consumer<String> progress, BooleanSupplier cancelled)
            throws TargetException, StackBusyException, BackupException {
        throw new UnsupportedOperationException("being built (issue 16)");
    }

    /** The last run the script recorded; empty when none ran yet (or backups are off). */
    public static Optional<LastBackup> last(Target target, String stackDir) throws TargetException {
        throw new UnsupportedOperationException("being built (issue 16)");
    }
}

package dev.berth.wizardsteps.core;

import dev.berth.engine.backup.BackupRun;
import dev.berth.engine.backup.StackBackups;

/**
 * Takes a backup of a deployed stack now, as {@code berth backup} does: the Done page's "Back up
 * now". {@link #ON_TARGET} is the real one; tests of the page pass their own. Blocks (it runs
 * restic on the target); called off the UI thread.
 */
@FunctionalInterface
public interface TakeBackup {
    /** The stack's backup script on the deploy's target, through the engine. */
    TakeBackup ON_TARGET = (deployed, progress) -> StackBackups.onTarget(deployed.from().on().target(),
            deployed.from().preview().plan(), deployed.from().preview().stackDir()).backup(progress::message, progress::cancelled);

    /**
     * @param deployed the deploy whose stack to back up
     * @param progress what is under way; {@code cancelled()} means stop
     */
    BackupRun now(DeploySession.Deployed deployed, TaskProgress progress) throws Exception;
}

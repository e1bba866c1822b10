/**
 * Backups of a deployed stack with restic ({@link dev.berth.engine.backup.StackBackups}): taking one
 * now, listing the snapshots, restoring the whole stack or one app and waiting for it to be healthy
 * again, and reading when the last scheduled backup ran. restic runs on the target in its own
 * container through the stack's backup script ({@code backup/berth-backup}, rendered from
 * {@link dev.berth.plan.BackupPlan}), so the scheduled runs and these commands do the same thing.
 */
package dev.berth.engine.backup;

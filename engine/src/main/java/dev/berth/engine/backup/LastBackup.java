package dev.berth.engine.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The last backup run the backup script recorded on the target ({@code .berth/last-backup.json}),
 * whether {@code berth backup} or the schedule started it.
 *
 * @param time     when it ended
 * @param ok       whether it made a snapshot
 * @param snapshot the snapshot's short id when it did
 * @param appsDown how long the stopped apps were down, when any were stopped
 * @param message  restic's last words when it failed; empty when it worked
 */
public record LastBackup(Instant time, boolean ok, Optional<String> snapshot, Optional<Duration> appsDown, String message) {
}

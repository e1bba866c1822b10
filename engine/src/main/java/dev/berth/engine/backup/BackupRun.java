package dev.berth.engine.backup;

import java.time.Duration;
import java.util.List;

/**
 * A backup {@code berth backup} (or the Done page) just took.
 *
 * @param snapshot  the snapshot it made
 * @param took      how long the whole run took
 * @param appsDown  how long the stopped apps were down (zero when none were stopped)
 * @param stopped   the compose services stopped for the snapshot
 * @param summary   one line for the person: what was saved, how much was new
 */
public record BackupRun(Snapshot snapshot, Duration took, Duration appsDown, List<String> stopped, String summary) {
    public BackupRun {
        stopped = List.copyOf(stopped);
    }
}

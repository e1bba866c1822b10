package dev.berth.engine.backup;

import java.util.List;
import java.util.Optional;

/**
 * What a restore would do, shown before the person confirms it.
 *
 * @param snapshot the snapshot it restores from
 * @param service  the one app restored, or empty for the whole stack
 * @param paths    the folders written back from the snapshot
 * @param stopped  the compose services stopped while the files are written, started again after
 */
public record RestorePreview(Snapshot snapshot, Optional<String> service, List<String> paths, List<String> stopped) {
    public RestorePreview {
        paths = List.copyOf(paths);
        stopped = List.copyOf(stopped);
    }
}

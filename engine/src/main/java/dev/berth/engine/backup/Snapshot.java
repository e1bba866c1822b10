package dev.berth.engine.backup;

import java.time.Instant;
import java.util.List;

/**
 * One restic snapshot of the stack.
 *
 * @param id      restic's full snapshot id
 * @param shortId the first eight characters, as restic prints them and the person types them
 * @param time    when it was taken
 * @param host    the host name it was recorded under
 * @param tags    its tags
 * @param paths   the folders it holds
 */
public record Snapshot(String id, String shortId, Instant time, String host, List<String> tags, List<String> paths) {
    public Snapshot {
        tags = List.copyOf(tags);
        paths = List.copyOf(paths);
    }
}

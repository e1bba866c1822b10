package dev.berth.engine.wire;

import java.util.List;
import java.util.Map;

/**
 * What applying one app's wiring did.
 *
 * @param links  every link of the app with its proof, in the order of its wanted entries
 * @param writes create, update and delete requests sent to the app (0 when nothing had to change)
 * @param memory the app's new {@link WiringMemory} entries: fingerprints of what Berth set, never a secret
 */
public record AppSyncResult(List<Link> links, int writes, Map<String, String> memory) {
    public AppSyncResult {
        links = List.copyOf(links);
        memory = Map.copyOf(memory);
    }
}

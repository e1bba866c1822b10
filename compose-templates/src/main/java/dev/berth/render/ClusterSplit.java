package dev.berth.render;

import dev.berth.plan.HostLayout;
import java.util.List;

/**
 * Splits a whole rendered stack into one {@link HostShare} per host (issue 17).
 */
public final class ClusterSplit {

    /** The overlay network every host's Compose project joins: created by Berth on the swarm, attachable. */
    public static String overlayNetwork(String projectName) {
        return projectName + "-overlay";
    }

    /** One share per host of {@code layout.hosts()}, in that order (a host with no service still gets one). */
    public List<HostShare> split(PlannedStack whole, HostLayout layout) {
        throw new UnsupportedOperationException("issue 17: h2 fills the split");
    }
}

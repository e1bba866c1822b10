package dev.berth.plan;

import java.util.List;

/**
 * Where one service of a multi-host stack runs, and why (issue 17).
 *
 * @param service the planned service's name
 * @param host    the host's name from {@code hosts:}
 * @param pinned  the person pinned it there ({@code placement.pins})
 * @param swarm   Swarm schedules it ({@code placement.swarm}); {@code host} is then where it starts
 * @param reasons sentences for the person, the deciding one first ("runs in Gluetun's network, so on
 *                Gluetun's host"; "scored best: 5.2 GB memory free, …")
 */
public record HostAssignment(String service, String host, boolean pinned, boolean swarm, List<String> reasons) {
    public HostAssignment {
        reasons = List.copyOf(reasons);
    }
}

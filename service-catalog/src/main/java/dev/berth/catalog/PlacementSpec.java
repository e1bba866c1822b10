package dev.berth.catalog;

import java.util.List;

/**
 * Where a service must run on a stack placed across several hosts (issue 17), beyond what its
 * volumes and network already say (the data tree's users on the storage host, VPN-routed apps
 * with the gateway).
 *
 * @param with         services that must run on the same host as this one, when the stack has them:
 *                     it reaches them through the host (host network) or reads their files
 * @param reason       why, in words the plan shows beside the host ("Prometheus reads it through
 *                     its own host's gateway"); required with {@code with}
 * @param mediaOverNfs a media server that may run on another host than the data tree and then mounts
 *                     the media folder through an NFS volume from the storage host
 */
public record PlacementSpec(List<String> with, String reason, Boolean mediaOverNfs) {

    /** A service without a {@code placement:} section: its volumes and network decide, then the scores. */
    public static final PlacementSpec FREE = new PlacementSpec(List.of(), null, false);

    public PlacementSpec {
        with = with == null ? List.of() : List.copyOf(with);
        // Optional in the YAML (most services say only 'with'): left out means no.
        mediaOverNfs = Boolean.TRUE.equals(mediaOverNfs);
    }
}

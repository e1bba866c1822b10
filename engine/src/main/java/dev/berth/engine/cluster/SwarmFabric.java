package dev.berth.engine.cluster;

import dev.berth.engine.target.TargetException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The Docker Swarm that joins a multi-host stack's hosts, and its attachable overlay network
 * (issue 17). The first host is the manager: {@code docker swarm init} there when it is in no
 * swarm, {@code docker swarm join} on the others, the node label {@code berth.host=<name>} on
 * each, and {@code docker network create --driver overlay --attachable <network>}.
 */
public final class SwarmFabric {
    private final List<ClusterHost> hosts;

    /** @param hosts every host, the manager first */
    public SwarmFabric(List<ClusterHost> hosts) {
        this.hosts = List.copyOf(hosts);
    }

    public List<ClusterHost> hosts() {
        return hosts;
    }

    /**
     * Brings every host into one swarm with the overlay network {@code network}; changes only what
     * is missing.
     *
     * @throws TargetException with what to do when a host is in another swarm, cannot reach the
     *                         manager (ports 2377/tcp, 7946/tcp+udp, 4789/udp), or Docker refuses
     */
    public FabricChange join(String network, BooleanSupplier cancelled) throws TargetException {
        throw new UnsupportedOperationException("issue 17: h3 fills the fabric");
    }

    /** Takes back what {@code change} made, in reverse: the network, the labels, the joins, the swarm. */
    public void undo(FabricChange change, String network) throws TargetException {
        throw new UnsupportedOperationException("issue 17: h3 fills the fabric");
    }
}

package dev.berth.engine.cluster;

import java.util.List;

/**
 * What {@link SwarmFabric#join} changed, so its undo takes back exactly that and nothing the
 * person had before (a swarm they made, nodes already in it, a network already there).
 *
 * @param swarmCreated   Berth ran {@code docker swarm init} on the manager
 * @param joined         hosts Berth joined to the swarm (they leave on undo)
 * @param labelled       hosts whose node got Berth's labels (removed on undo)
 * @param networkCreated Berth created the overlay network
 * @param anchorCreated  Berth created the stack's anchor service ({@link SwarmFabric#anchorService})
 */
public record FabricChange(boolean swarmCreated, List<String> joined, List<String> labelled, boolean networkCreated,
                           boolean anchorCreated) {
    public static final FabricChange NOTHING = new FabricChange(false, List.of(), List.of(), false, false);

    public FabricChange {
        joined = List.copyOf(joined);
        labelled = List.copyOf(labelled);
    }
}

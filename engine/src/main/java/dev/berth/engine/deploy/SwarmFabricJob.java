package dev.berth.engine.deploy;

import dev.berth.engine.cluster.FabricChange;
import dev.berth.engine.cluster.SwarmFabric;
import dev.berth.render.ClusterSplit;

/**
 * The first job of a multi-host deploy (issue 17): brings every host into the swarm and creates
 * the stack's attachable overlay network, which every host's compose.yaml joins as an external
 * network, so it must exist before any host's {@code compose up}, and the anchor service that keeps
 * that network known on every host ({@link SwarmFabric#anchorService}). Its undo takes back only what it
 * changed ({@link FabricChange}): a swarm or network the person had stays.
 */
public final class SwarmFabricJob implements Job {
    private final SwarmFabric fabric;
    private final String project;
    private final boolean offline;
    private FabricChange change = FabricChange.NOTHING;

    /** @param offline pull nothing: the anchor's image must then be on every host already */
    public SwarmFabricJob(SwarmFabric fabric, String project, boolean offline) {
        this.fabric = fabric;
        this.project = project;
        this.offline = offline;
    }

    @Override
    public String description() {
        int hosts = fabric.hosts().size();
        return "Join the " + hosts + (hosts == 1 ? " host" : " hosts") + " in a Docker Swarm (manager " + fabric.hosts().getFirst().name()
                + ") with the overlay network " + ClusterSplit.overlayNetwork(project);
    }

    @Override
    public void execute(JobContext context) throws Exception {
        change = fabric.join(project, offline, context::cancelled);
    }

    /** Nothing when the join failed: {@link SwarmFabric#join} takes back its own half-done work before it throws. */
    @Override
    public void undo(JobContext context) throws Exception {
        if (!change.equals(FabricChange.NOTHING)) {
            fabric.undo(change, project);
        }
        change = FabricChange.NOTHING;
    }
}

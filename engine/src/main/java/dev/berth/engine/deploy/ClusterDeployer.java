package dev.berth.engine.deploy;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.cluster.ClusterHost;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.target.TargetException;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The deploy of a stack placed across several hosts (issue 17): one preview per host from one
 * plan, the swarm and its overlay network first, then each host's jobs, under one undo, so a
 * failure on any host rolls every host back.
 */
public final class ClusterDeployer {
    private final List<ClusterHost> hosts;
    private final Catalog catalog;
    private final Clock clock;

    /** @param hosts every host of {@code answers.hosts()}, connected, in that order */
    public ClusterDeployer(List<ClusterHost> hosts, Catalog catalog, Clock clock) {
        this.hosts = List.copyOf(hosts);
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Reads every host, places the services, renders once, splits, and previews each host; changes nothing. */
    public ClusterPreview preview(Answers answers, DeployOptions options) throws TargetException, StackState.ForeignStackException {
        throw new UnsupportedOperationException("issue 17: h4 fills the cluster deploy");
    }

    /** Runs the preview under every host's lock; a failure anywhere undoes every host. */
    public ClusterOutcome deploy(ClusterPreview preview, Consumer<HostProgress> listener, BooleanSupplier cancelRequested)
            throws TargetException, StackBusyException {
        throw new UnsupportedOperationException("issue 17: h4 fills the cluster deploy");
    }
}

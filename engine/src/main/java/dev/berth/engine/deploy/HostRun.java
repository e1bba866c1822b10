package dev.berth.engine.deploy;

import dev.berth.engine.target.Target;
import java.util.function.Consumer;

/**
 * One host's side of a multi-host deploy (issue 17): its target, what its jobs record (its own, so
 * two hosts' health reports or wiring results never overwrite each other) and where its progress
 * goes (its own deploy log, then the cluster's listener tagged with the host).
 *
 * @param host     the host's name from {@code hosts:}
 * @param progress this host's progress, inner jobs' reports and its jobs' steps alike
 */
public record HostRun(String host, Target target, JobOutcomes outcomes, Consumer<DeployProgress> progress) {

    /** The context a job of this host runs in: this host's machine, outcomes and progress; the cluster's clock and cancel. */
    JobContext context(JobContext cluster) {
        return new JobContext(target, cluster.clock(), cluster::cancelled, progress, outcomes);
    }
}

package dev.berth.engine.deploy;

/**
 * A job of one host in a multi-host deploy (issue 17): the single-host job, run in that host's
 * context ({@link HostRun#context}) inside the one {@link Deployment} across hosts, so a failure
 * on any host undoes every job done on every host, in reverse. The cancel (or, while undoing, the
 * "stop undoing") of the whole deploy reaches the job through that context.
 */
public record HostJob(HostRun run, Job job) implements Job {

    public String host() {
        return run.host();
    }

    /** The job's own line, after its host: a rollback's report says on which host a step failed or stayed done. */
    @Override
    public String description() {
        return run.host() + ": " + job.description();
    }

    @Override
    public void execute(JobContext context) throws Exception {
        job.execute(run.context(context));
    }

    @Override
    public void undo(JobContext context) throws Exception {
        job.undo(run.context(context));
    }

    /**
     * The progress listener of a {@link Deployment} of host jobs: a host job's step goes to its
     * host ({@link HostRun#progress}: its log, its tagged lines) as that host's own deploy reports
     * it; anything else (the swarm's steps) to {@code others}.
     */
    static java.util.function.Consumer<DeployProgress> routing(java.util.function.Consumer<DeployProgress> others) {
        return p -> {
            if (p instanceof DeployProgress.Step step && step.event().job() instanceof HostJob hostJob) {
                hostJob.run().progress().accept(new DeployProgress.Step(hostJob.unwrapped(step.event())));
            } else {
                others.accept(p);
            }
        };
    }

    /**
     * The event as the host's own deploy would have reported it (its job unwrapped), for that
     * host's log and listener; {@code event} is one of this job's.
     */
    DeploymentEvent unwrapped(DeploymentEvent event) {
        return switch (event) {
            case DeploymentEvent.Started s -> new DeploymentEvent.Started(job, s.index(), s.total());
            case DeploymentEvent.Finished f -> new DeploymentEvent.Finished(job);
            case DeploymentEvent.Failed f -> new DeploymentEvent.Failed(job, f.message());
            case DeploymentEvent.Undone u -> new DeploymentEvent.Undone(job);
            case DeploymentEvent.UndoFailed u -> new DeploymentEvent.UndoFailed(job, u.message());
        };
    }
}

package dev.berth.engine.deploy;

import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.time.Duration;

/**
 * The one step of a deploy with nothing to change: no file differs, no container would change,
 * no folder moves and no client settings file needs Berth's keys. Backing up and rewriting the
 * same bytes and running {@code compose up} again would only cost time and leave a backup that
 * is a copy of what stands, so the deploy only reads each service's health once (as
 * {@code berth status} does) and records it as the {@link #REPORT}, for the person to see the
 * stack is fine. It changes nothing, so it never fails the deploy: a service that is not up is
 * shown as such in the report.
 */
public final class ReadHealthJob implements Job {
    /** How long the first health probes may take to answer before the report says what is known. */
    static final Duration SETTLE = Duration.ofSeconds(3);
    /** Each service's state and URL as read. */
    public static final JobOutcomes.Key<DeployReport> REPORT = JobOutcomes.Key.of("health read", DeployReport.class);

    private final StackPlan plan;

    public ReadHealthJob(StackPlan plan) {
        this.plan = plan;
    }

    @Override
    public String description() {
        return "Nothing to change: read each service's health once (no file is backed up or written, no container is touched)";
    }

    @Override
    public void execute(JobContext context) throws TargetException, InterruptedException {
        context.record(REPORT, StackStatus.read(context.target(), plan, SETTLE));
    }

    @Override
    public void undo(JobContext context) {
        // It changed nothing.
    }
}

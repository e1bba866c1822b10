package dev.berth.engine.deploy;

import dev.berth.engine.health.HealthMonitor;
import dev.berth.engine.health.NotHealthyException;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * The last step of a deploy: waits until every planned service is up (healthy; answering its
 * health path while Docker's first check is still to come; or running without a health check and
 * answering its health path), passing each change on as it happens
 * ({@link DeployProgress.Health}). When the time runs out it fails, naming each service not up with
 * its state, so the deployment rolls back. Whether it succeeded, failed or was cancelled, it records
 * the {@link #REPORT}: each service's state and URL, and for those not up their last log lines, read
 * before the rollback removes their containers.
 *
 * <p>The monitor is closed when execute ends, whether the wait succeeded or not: after this job
 * nothing in the deploy needs it, and a screen that keeps following the stack starts a monitor of
 * its own (one that outlives the deployment and is closed by that screen), so no thread or event
 * stream is left behind by a finished deployment. Undo has nothing to put back on the target; it
 * only makes sure the monitor is closed.
 */
public final class AwaitHealthJob implements Job {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** How often the wait looks whether the person cancelled. */
    private static final Duration CANCEL_CHECK = Duration.ofSeconds(1);
    /** Each service's state, URL, and for those not up their last log lines, as the wait ended. */
    public static final JobOutcomes.Key<DeployReport> REPORT = JobOutcomes.Key.of("health report", DeployReport.class);

    private final StackPlan plan;
    private final Duration timeout;
    private volatile HealthMonitor monitor;

    public AwaitHealthJob(StackPlan plan, Duration timeout) {
        this.plan = plan;
        this.timeout = timeout;
    }

    public AwaitHealthJob(StackPlan plan) {
        this(plan, DEFAULT_TIMEOUT);
    }

    @Override
    public String description() {
        long minutes = Math.max(1, (timeout.toSeconds() + 59) / 60);
        return "Wait until every service is healthy (up to " + minutes + " min)";
    }

    @Override
    public void execute(JobContext context) throws TargetException, ServicesNotUpException, InterruptedException {
        Set<String> services = new LinkedHashSet<>();
        plan.services().forEach(s -> services.add(s.name()));
        HealthMonitor m = HealthMonitor.start(context.target(), plan.projectName(), ServiceReports.webEndpoints(plan));
        monitor = m;
        try {
            // publish ignores a broken display: it must not stop the wait.
            m.addListener(h -> context.publish(new DeployProgress.Health(h)));
            // Replay what the snapshot found, so the listener starts from the full picture.
            m.current().values().forEach(h -> context.publish(new DeployProgress.Health(h)));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (context.cancelled()) {
                    context.record(REPORT, buildReport(m, notUp(m, services)));
                    throw new CancellationException("cancelled while waiting for the services to be healthy");
                }
                long left = deadline - System.nanoTime();
                Duration slice = Duration.ofNanos(Math.max(0, Math.min(left, CANCEL_CHECK.toNanos())));
                try {
                    m.awaitAllHealthy(slice, services);
                    context.record(REPORT, buildReport(m, Set.of()));
                    return;
                } catch (NotHealthyException e) {
                    if (System.nanoTime() - deadline >= 0) {
                        DeployReport report = buildReport(m, e.notUp().keySet());
                        context.record(REPORT, report);
                        throw new ServicesNotUpException("Not every service was healthy after " + describe(timeout),
                                e.notUp(), report);
                    }
                }
            }
        } finally {
            m.close();
        }
    }

    private Set<String> notUp(HealthMonitor m, Set<String> services) {
        return services.stream().filter(s -> !m.ready(m.health(s))).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private DeployReport buildReport(HealthMonitor m, Set<String> notUp) {
        return ServiceReports.build(plan, m, notUp, true);
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s > 0 ? (s / 60) + " min" : s + " s";
    }

    @Override
    public void undo(JobContext context) {
        HealthMonitor m = monitor;
        if (m != null) {
            m.close(); // nothing was changed on the target
        }
    }
}

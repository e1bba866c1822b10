package dev.berth.engine.deploy;

import dev.berth.engine.health.HealthMonitor;
import dev.berth.engine.health.NotHealthyException;
import dev.berth.engine.health.ServiceHealth;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The last step of a deploy: waits until every planned service is up (healthy, or running without
 * a health check and answering its health path), passing each change on as it happens. When the
 * time runs out it fails, naming each service not up with its state, so the deployment rolls back;
 * {@link #report()} then holds the last log lines of each of those services, read before the
 * rollback removes their containers.
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

    private final StackPlan plan;
    private final Duration timeout;
    private final Consumer<ServiceHealth> listener;
    private volatile HealthMonitor monitor;
    private volatile DeployReport report;

    public AwaitHealthJob(StackPlan plan, Duration timeout, Consumer<ServiceHealth> listener) {
        this.plan = plan;
        this.timeout = timeout;
        this.listener = listener;
    }

    public AwaitHealthJob(StackPlan plan, Consumer<ServiceHealth> listener) {
        this(plan, DEFAULT_TIMEOUT, listener);
    }

    @Override
    public String description() {
        long minutes = Math.max(1, (timeout.toSeconds() + 59) / 60);
        return "Wait until every service is healthy (up to " + minutes + " min)";
    }

    @Override
    public void execute(JobContext context) throws TargetException, ServicesNotUpException, InterruptedException {
        report = null;
        Set<String> services = new LinkedHashSet<>();
        plan.services().forEach(s -> services.add(s.name()));
        HealthMonitor m = HealthMonitor.start(context.target(), plan.projectName(), ServiceReports.webEndpoints(plan));
        monitor = m;
        try {
            m.addListener(h -> {
                try {
                    listener.accept(h);
                } catch (RuntimeException ignored) {
                    // a broken display must not stop the wait
                }
            });
            // Replay what the snapshot found, so the listener starts from the full picture.
            m.current().values().forEach(h -> {
                try {
                    listener.accept(h);
                } catch (RuntimeException ignored) {
                    // as above
                }
            });
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                if (context.cancelled()) {
                    report = buildReport(m, notUp(m, services));
                    throw new CancellationException("cancelled while waiting for the services to be healthy");
                }
                long left = deadline - System.nanoTime();
                Duration slice = Duration.ofNanos(Math.max(0, Math.min(left, CANCEL_CHECK.toNanos())));
                try {
                    m.awaitAllHealthy(slice, services);
                    report = buildReport(m, Set.of());
                    return;
                } catch (NotHealthyException e) {
                    if (System.nanoTime() - deadline >= 0) {
                        report = buildReport(m, e.notUp().keySet());
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
        return services.stream().filter(s -> !m.health(s).state().up()).collect(Collectors.toCollection(LinkedHashSet::new));
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

    /** After execute (or a failed one): each service's state, URL, and for those not up their last log lines; null before. */
    public DeployReport report() {
        return report;
    }
}

package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import dev.berth.engine.health.HealthMonitor;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code compose up -d --remove-orphans} on the stack folder. Compose itself decides what to
 * recreate: a container whose configuration did not change is left running, so deploying the
 * same files twice recreates nothing, and {@code --remove-orphans} removes services no longer in
 * the file. A cancel stops {@code up} where it is (two containers running, one created, say);
 * the undo then deals with whatever it got to.
 *
 * <p>Undo depends on whether the stack existed before. On a first install it runs
 * {@code down --remove-orphans}, so a failed first deploy leaves no half-started stack behind;
 * never {@code down -v}: named volumes may already hold data, and Berth never deletes data. On a
 * re-run it does nothing here: bringing the previous stack back needs the previous files, which
 * only exist again once the file job has been undone, so that is {@link RestorePreviousStackJob}'s
 * undo, which runs later in the (reverse-order) rollback.
 */
public final class ComposeUpJob implements Job {
    /** Generous: up may still be creating networks or waiting for healthy dependencies on a slow NAS. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(5);
    /**
     * After {@code up} itself failed: every planned service's state, and for those not up their last
     * log lines, read before the rollback removed them (not recorded when the engine could not say).
     */
    public static final JobOutcomes.Key<DeployReport> FAILURE_REPORT = JobOutcomes.Key.of("compose up failure report", DeployReport.class);

    private final ComposeTool compose;
    private final String project;
    /** Null when built from a project name alone: then no failure report is taken. */
    private final StackPlan plan;
    private final String stackDir;
    private final Duration timeout;
    /** Set by execute: undo only removes a stack this job was the first to start. */
    private volatile boolean firstInstall;

    private ComposeUpJob(ComposeTool compose, String project, StackPlan plan, String stackDir, Duration timeout) {
        this.compose = compose;
        this.project = project;
        this.plan = plan;
        this.stackDir = stackDir;
        this.timeout = timeout;
    }

    public ComposeUpJob(ComposeTool compose, String project, String stackDir, Duration timeout) {
        this(compose, project, null, stackDir, timeout);
    }

    public ComposeUpJob(ComposeTool compose, String project, String stackDir) {
        this(compose, project, stackDir, DEFAULT_TIMEOUT);
    }

    /** The deploy's job: when up fails, it also reports each planned service and the logs of those not up. */
    public ComposeUpJob(ComposeTool compose, StackPlan plan, String stackDir) {
        this(compose, plan.projectName(), plan, stackDir, DEFAULT_TIMEOUT);
    }

    @Override
    public String description() {
        return "Start the stack '" + project + "' with " + String.join(" ", compose.prefix())
                + " (only containers whose settings changed are recreated)";
    }

    @Override
    public void execute(JobContext context) throws TargetException {
        ProjectGuard.requireOwnProject(context.target(), project, stackDir);
        // Decided before up: afterwards every stack has containers.
        firstInstall = !StackContainers.exists(context.target(), project);
        try {
            ComposeRun.run(context.target(), compose.argv(project, stackDir, "up", "-d", "--remove-orphans"), timeout,
                    "Starting the stack (" + String.join(" ", compose.prefix()) + " up)", context::cancelled);
        } catch (TargetException e) {
            if (plan != null) {
                report(context, e).ifPresent(r -> context.record(FAILURE_REPORT, r));
            }
            throw e;
        }
    }

    /** Each planned service as the engine has it now, with the last log lines of those not up. */
    private Optional<DeployReport> report(JobContext context, TargetException failure) {
        // No web probes: up has just failed, and only what Docker knows is wanted before the rollback.
        try (HealthMonitor m = HealthMonitor.start(context.target(), project, Map.of())) {
            Set<String> notUp = new LinkedHashSet<>();
            plan.services().forEach(s -> {
                if (!m.health(s.name()).state().up()) {
                    notUp.add(s.name());
                }
            });
            return Optional.of(ServiceReports.build(plan, m, notUp, true));
        } catch (TargetException | RuntimeException e) {
            // The engine itself is gone (often why up failed): the failure's own message is what is left.
            failure.addSuppressed(e);
            return Optional.empty();
        }
    }

    @Override
    public void undo(JobContext context) throws TargetException {
        if (!firstInstall) {
            return; // see the class comment: RestorePreviousStackJob brings the old stack back
        }
        ProjectGuard.requireOwnProject(context.target(), project, stackDir); // down removes the project's every container
        ComposeRun.run(context.target(), compose.argv(project, stackDir, "down", "--remove-orphans"), DOWN_TIMEOUT,
                "Removing the half-started stack (" + String.join(" ", compose.prefix()) + " down)", context::cancelled);
        firstInstall = false;
    }

    /** For tests and the report: whether the last execute found no previous stack. */
    public boolean firstInstall() {
        return firstInstall;
    }
}

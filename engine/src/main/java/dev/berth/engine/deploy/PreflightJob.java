package dev.berth.engine.deploy;

import dev.berth.engine.check.Check;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.CheckRunner;
import dev.berth.engine.check.Checks;
import dev.berth.engine.check.Status;
import dev.berth.plan.StackPlan;
import java.util.List;

/**
 * The first step of a deploy: the system checks once more, right before anything changes. The
 * person may have looked at the checks minutes ago (or never, from a script); a port taken since
 * or a disk filled since would otherwise fail halfway through. Only a FAIL stops the deploy, as on
 * the System check screen; a WARN is passed on and the deploy goes ahead. Each result is reported
 * as it comes, as {@link DeployProgress.Checked}.
 */
public final class PreflightJob implements Job {
    private final StackPlan plan;
    private final List<Check> checks;

    public PreflightJob(StackPlan plan, List<Check> checks) {
        this.plan = plan;
        this.checks = List.copyOf(checks);
    }

    public PreflightJob(StackPlan plan) {
        this(plan, Checks.all());
    }

    @Override
    public String description() {
        return "Check the target once more (" + checks.size() + " checks; a failing one stops the deploy before any change)";
    }

    @Override
    public void execute(JobContext context) throws PreflightFailedException, InterruptedException {
        List<CheckResult> results;
        try (CheckRunner runner = new CheckRunner(context.target(), checks)) {
            results = runner.run(plan, r -> context.publish(new DeployProgress.Checked(r)));
        }
        List<CheckResult> failed = results.stream().filter(r -> r.status() == Status.FAIL).toList();
        if (!failed.isEmpty()) {
            throw new PreflightFailedException(failed);
        }
    }

    @Override
    public void undo(JobContext context) {
        // Checks change nothing on the target (the hardlink check removes its own probe files).
    }
}

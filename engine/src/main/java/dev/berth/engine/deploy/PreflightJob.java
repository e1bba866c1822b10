package dev.berth.engine.deploy;

import dev.berth.engine.check.Check;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.CheckRunner;
import dev.berth.engine.check.Checks;
import dev.berth.engine.check.Status;
import dev.berth.plan.StackPlan;
import java.util.List;
import java.util.function.Consumer;

/**
 * The first step of a deploy: the system checks once more, right before anything changes. The
 * person may have looked at the checks minutes ago (or never, from a script); a port taken since
 * or a disk filled since would otherwise fail halfway through. Only a FAIL stops the deploy, as on
 * the System check screen; a WARN is passed on and the deploy goes ahead.
 */
public final class PreflightJob implements Job {
    private final StackPlan plan;
    private final List<Check> checks;
    private final Consumer<CheckResult> listener;

    public PreflightJob(StackPlan plan, List<Check> checks, Consumer<CheckResult> listener) {
        this.plan = plan;
        this.checks = List.copyOf(checks);
        this.listener = listener;
    }

    public PreflightJob(StackPlan plan, Consumer<CheckResult> listener) {
        this(plan, Checks.all(), listener);
    }

    @Override
    public String description() {
        return "Check the target once more (" + checks.size() + " checks; a failing one stops the deploy before any change)";
    }

    @Override
    public void execute(JobContext context) throws PreflightFailedException, InterruptedException {
        List<CheckResult> results;
        try (CheckRunner runner = new CheckRunner(context.target(), checks)) {
            results = runner.run(plan, listener);
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

package dev.berth.engine.check;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * What a check works with: the target, the plan (absent for target-only checks) and the facts
 * gathered once. The facts may still be on their way when a check starts, so checks that do not
 * need them (Docker, Compose) are not held up; {@link #facts()} waits for them.
 */
public final class CheckContext {
    private final Target target;
    private final StackPlan plan;
    private final Future<TargetFacts> facts;

    public CheckContext(Target target, StackPlan plan, Future<TargetFacts> facts) {
        this.target = target;
        this.plan = plan;
        this.facts = facts;
    }

    /** With facts already known (tests build them by hand to reach every branch). */
    public CheckContext(Target target, StackPlan plan, TargetFacts facts) {
        this(target, plan, CompletableFuture.completedFuture(facts));
    }

    public Target target() {
        return target;
    }

    public Optional<StackPlan> plan() {
        return Optional.ofNullable(plan);
    }

    /** The plan, for checks that declared {@link Check#needsPlan()}: the runner skips them without one. */
    public StackPlan requirePlan() {
        if (plan == null) {
            throw new IllegalStateException("this check needs a plan; the runner should have skipped it");
        }
        return plan;
    }

    public TargetFacts facts() throws TargetException, InterruptedException {
        try {
            return facts.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TargetException te) {
                throw te;
            }
            throw new TargetException(TargetException.Reason.OTHER, "Could not learn about " + target.description()
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}

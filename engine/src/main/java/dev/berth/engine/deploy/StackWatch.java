package dev.berth.engine.deploy;

import dev.berth.engine.health.HealthWatch;
import dev.berth.engine.health.ServiceHealth;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A deployed stack followed live ({@code berth status --watch}): {@link HealthWatch} with the plan's web services probed as a deploy probes them. */
public final class StackWatch {
    private StackWatch() {
    }

    /** See {@link HealthWatch#follow}. */
    public static void follow(Target target, StackPlan plan, Consumer<ServiceHealth> rows, BooleanSupplier cancelled)
            throws TargetException, InterruptedException {
        HealthWatch.follow(target, plan.projectName(), ServiceReports.webEndpoints(plan), rows, cancelled);
    }
}

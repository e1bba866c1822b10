package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.stack.ServiceChanges;
import dev.berth.engine.stack.ServiceChanges.ComposeServices;
import dev.berth.engine.stack.StackDiff;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.render.PlannedStack;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the preview says a deploy does to each service: it compares the compose file in the folder
 * with the new one, and asks the engine which containers run now, since a service whose container
 * is gone starts again even when its file is unchanged.
 */
final class PreviewedServices {
    private PreviewedServices() {
    }

    /** The services of the compose file in the folder; none when there is none. */
    static ComposeServices previousCompose(StackState before) {
        return Optional.ofNullable(before.files().get(StackState.COMPOSE_FILE))
                .map(f -> ComposeServices.parse(f.content())).orElse(ComposeServices.NONE);
    }

    static ServiceChanges changes(Target target, ComposeTool compose, StackState before, ComposeServices previousCompose,
                                  PlannedStack planned, Optional<StackPlan> previousPlan, StackDiff diff) {
        StackPlan plan = planned.plan();
        ComposeServices next = ComposeServices.parse(planned.rendered().files().get(StackState.COMPOSE_FILE).content());
        return ServiceChanges.between(previousCompose, next, containers(target, plan.projectName()), diff.changes(),
                compose.v2(), before.answers().map(a -> a.storage().configRoot()),
                name -> displayName(name, plan, previousPlan));
    }

    /** Compose service name to the state of its container now; empty when the engine cannot say (then the previous file counts). */
    private static Optional<Map<String, String>> containers(Target target, String project) {
        try {
            Map<String, String> states = new TreeMap<>();
            for (var c : StackContainers.of(target, project)) {
                String service = c.getLabels() == null ? null : c.getLabels().get(ComposeLabels.SERVICE);
                if (service != null) {
                    states.put(service, c.getState() == null ? "unknown" : c.getState());
                }
            }
            return Optional.of(states);
        } catch (TargetException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A removed service is named as the previous plan named it. */
    private static String displayName(String service, StackPlan plan, Optional<StackPlan> previous) {
        return plan.service(service).or(() -> previous.flatMap(p -> p.service(service)))
                .map(PlannedService::displayName).orElse(service);
    }
}

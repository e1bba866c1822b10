package dev.berth.engine.update;

import dev.berth.engine.deploy.DeployPreview;
import dev.berth.plan.StackPlan;
import java.util.List;
import java.util.Optional;

/**
 * What {@code berth update} would do: every image's status as the finder gave it, the updates chosen
 * to apply, and the deploy that applies them (none when there is nothing to update). Changes nothing.
 *
 * @param current  the stack as it runs now (its pinned images included)
 * @param statuses every service's image status, for the person to read
 * @param chosen   the statuses whose update is applied: those with an update, among the services asked for
 * @param deploy   the deploy of the stack with the new pins, when {@code chosen} is not empty
 */
public record UpdatePreview(StackPlan current, List<ImageStatus> statuses, List<ImageStatus> chosen,
                            Optional<DeployPreview> deploy) {
    public UpdatePreview {
        statuses = List.copyOf(statuses);
        chosen = List.copyOf(chosen);
    }

    public boolean nothingToUpdate() {
        return chosen.isEmpty();
    }
}

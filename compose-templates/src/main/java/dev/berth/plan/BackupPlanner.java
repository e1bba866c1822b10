package dev.berth.plan;

import java.util.Optional;

/** Works out {@link BackupPlan} from a plan. */
final class BackupPlanner {
    private BackupPlanner() {
    }

    static Optional<BackupPlan> plan(StackPlan plan) {
        if (!plan.answers().backup().enabled()) {
            return Optional.empty();
        }
        throw new UnsupportedOperationException("backup planning: being built (issue 16)");
    }
}

package dev.berth.engine.update;

import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployReport;
import java.util.Optional;

/**
 * How an update ended.
 *
 * @param deploy         the deploy that applied it: succeeded, or rolled back to the previous images
 * @param afterRollback  after a rollback, the health of the stack back on its previous images
 *                       (the deploy's health wait once more); empty when nothing was rolled back
 * @param rollbackHealth why that health wait failed (a sentence), or empty when every service was up again
 */
public record UpdateOutcome(DeployOutcome deploy, Optional<DeployReport> afterRollback, Optional<String> rollbackHealth) {
}

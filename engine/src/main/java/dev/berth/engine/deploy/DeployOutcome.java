package dev.berth.engine.deploy;

import dev.berth.engine.stack.DeploymentResult;
import java.util.Optional;

/**
 * How a deploy ended.
 *
 * @param result    succeeded, rolled back (which job failed, why, and what could not be undone), or cancelled
 * @param report    per service state, URL and log tail; empty when the deploy ended before the health wait
 * @param backupDir where the previous generated files were copied, when there were any
 */
public record DeployOutcome(DeploymentResult result, Optional<DeployReport> report, Optional<String> backupDir) {
    public boolean succeeded() {
        return result instanceof DeploymentResult.Succeeded;
    }
}

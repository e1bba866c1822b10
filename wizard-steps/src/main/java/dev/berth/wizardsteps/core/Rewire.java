package dev.berth.wizardsteps.core;

import dev.berth.engine.wire.WiringResult;

/**
 * Runs the wiring of a deployed stack again, as {@code berth wire} does: the Done page's Retry
 * when a link needs attention. The app supplies the real one through its {@link WizardBackend};
 * tests pass their own. Blocks (it talks to the apps); called off the UI thread.
 */
@FunctionalInterface
public interface Rewire {
    /**
     * @param deployed the deploy whose stack to wire: its target, plan and secrets
     * @param progress what is under way ("Connecting Sonarr…"); {@code cancelled()} means stop
     * @return every link again, with its proof, and the sign-ins
     */
    WiringResult again(DeploySession.Deployed deployed, TaskProgress progress) throws Exception;
}

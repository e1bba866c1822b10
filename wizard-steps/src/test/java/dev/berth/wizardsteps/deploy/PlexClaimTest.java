package dev.berth.wizardsteps.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.TargetAnswers;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Examples;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.TargetSession;
import dev.berth.wizardsteps.testing.Previews;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Deploy page asks for Plex's claim token right before starting, when Plex starts for the first
 * time in the stack: nothing starts while it waits, and a token that breaks the answers' own rule
 * is named. (A deploy with a token, for real: {@code DeployViewModelTest}.)
 */
class PlexClaimTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StepContext ctx = TestContexts.create(dialogs);
    private final DeploySession session = new DeploySession(ctx.backend());
    private final DeployViewModel vm = new DeployViewModel(ctx, session);
    private final LocalTarget target = new LocalTarget();

    @AfterEach
    void close() {
        target.close();
    }

    private static Answers plex() {
        return Examples.answers("minimal-jellyfin").withServices(List.of("plex", "sonarr"));
    }

    private void reviewed(DeployPreview preview) {
        var on = new TargetSession.Connected(TargetAnswers.LOCAL, target, null, null);
        session.review(new DeploySession.Reviewed(on, preview.plan().answers(), preview.options(), preview));
    }

    /** The same preview as if the stack folder's berth.yaml had held these answers. */
    private static DeployPreview before(DeployPreview p, Answers had) {
        StackState was = new StackState(p.stackDir(), StackState.Kind.BERTH, Optional.of(had), p.before().secrets(), Map.of());
        return new DeployPreview(was, p.plan(), p.rendered(), p.diff(), p.jobs(), p.compose(), p.options());
    }

    @Test
    void aFirstStartOfPlexWaitsForTheTokenAndStartsNothing() {
        reviewed(Previews.of(plex(), Map.of(), List.of()));
        vm.enter();

        assertEquals(DeployViewModel.State.ASKING, vm.stateProperty().get());
        assertFalse(vm.isValid(), "Next waits for the deploy");
        assertTrue(vm.messageProperty().get().contains("valid for four minutes"), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains("https://www.plex.tv/claim"));
        assertNull(session.deployedProperty().get(), "nothing started");

        vm.openClaimPage();
        assertEquals(List.of("https://www.plex.tv/claim"), dialogs.opened);
    }

    @Test
    void aTokenThatIsNotOneIsNamedAndNothingStarts() {
        reviewed(Previews.of(plex(), Map.of(), List.of()));
        vm.enter();
        vm.claimTokenProperty().set("ABCD-1234");
        vm.startWithClaim();

        assertEquals("is not a Plex claim token: copy the whole code from plex.tv/claim, it starts with claim-",
                vm.claimMessageProperty().get());
        assertEquals(DeployViewModel.State.ASKING, vm.stateProperty().get());
        assertNull(session.deployedProperty().get());
    }

    @Test
    void onlyAFirstStartOfPlexAsks() {
        Answers withPlex = plex();
        DeployPreview firstTime = Previews.of(withPlex, Map.of(), List.of());
        assertTrue(PlexClaim.asked(firstTime));
        assertTrue(PlexClaim.asked(before(firstTime, withPlex.withServices(List.of("sonarr")))), "Plex added to a running stack");
        assertFalse(PlexClaim.asked(before(firstTime, withPlex)), "Plex ran before: claimed then, or left as the person chose");
        assertFalse(PlexClaim.asked(Previews.of(withPlex.withServices(List.of("jellyfin")), Map.of(), List.of())), "no Plex");
        Answers claimed = withPlex.withMedia(withPlex.media().withPlexClaim("claim-abcdefghijklmnop"));
        assertFalse(PlexClaim.asked(Previews.of(claimed, Map.of(), List.of())), "the answers hold a token already");
    }

    /** A first deploy of Plex that failed: Try again asks once more (the token typed before has most likely expired). */
    @Test
    void tryAgainAfterAFailedFirstStartOfPlexAsksAgain() {
        DeployPreview preview = Previews.of(plex(), Map.of(), List.of());
        dev.berth.wizardsteps.testing.WiredDeploys.finish(session, preview, target, null);
        vm.tryAgain();

        assertEquals(DeployViewModel.State.ASKING, vm.stateProperty().get());
        assertTrue(vm.messageProperty().get().contains("valid for four minutes"), vm.messageProperty().get());
        assertTrue(session.reviewedProperty().get() == null, "nothing was worked out or started yet");
    }

    @Test
    void theTokenGoesIntoThisDeploysAnswersOnlyAndBlankLeavesThemAsTheyAre() {
        Answers a = plex();
        assertEquals("claim-abcdefghijklmnop", PlexClaim.with(a, "  claim-abcdefghijklmnop \n").media().plexClaim());
        assertTrue(PlexClaim.with(a, "  ") == a);
        assertNull(ctx.model().mediaProperty().get().plexClaim());
    }
}

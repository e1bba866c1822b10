package dev.berth.wizardsteps.done;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.TargetAnswers;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.WiringResult;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.ExecutorTaskRunner;
import dev.berth.wizardsteps.core.Rewire;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.testing.QueuedUi;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import dev.berth.wizardsteps.testing.WiredDeploys;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Done page after the deploy wired the apps: the Links table, the sign-ins handed over once,
 * and Retry (succeeding, failing, cancelled) running the wiring again through the injected
 * {@link Rewire}.
 */
class DoneWiringTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StepContext ctx = TestContexts.create(dialogs);
    private final DeploySession session = new DeploySession(ctx.backend());
    private final LocalTarget target = new LocalTarget();
    private final DeployPreview preview = WiredDeploys.preview();
    private final List<DeploySession.Deployed> rewired = new ArrayList<>();

    @AfterEach
    void closeTarget() {
        target.close();
    }

    private DoneViewModel done(Rewire rewire) {
        return new DoneViewModel(ctx, session, rewire);
    }

    private Rewire answering(WiringResult result) {
        return (deployed, progress) -> {
            rewired.add(deployed);
            progress.message("Radarr: download client Transmission");
            return result;
        };
    }

    private static List<String> table(DoneViewModel vm) {
        return vm.links().stream().map(l -> l.status() + " " + l.label() + (l.detail().isEmpty() ? "" : ": " + l.detail())).toList();
    }

    @Test
    void theLinksTableShowsEachLinkWithTheAppsOwnWordsWhereOneNeedsAttention() {
        WiredDeploys.finish(session, preview, target, WiredDeploys.oneNeedsAttention());
        DoneViewModel vm = done(answering(WiredDeploys.allOk()));
        vm.enter();

        assertEquals(List.of("OK Sonarr → Transmission", "NEEDS_ATTENTION Radarr → Transmission: " + WiredDeploys.RADARR_SAID,
                "LEFT_ALONE Sonarr sign-in: left as you set it", "OK Transmission sign-in"), table(vm));
        assertTrue(vm.linksSummaryProperty().get().startsWith("1 link of 4 needs attention"), vm.linksSummaryProperty().get());
        assertTrue(vm.canRetryProperty().get(), "Retry is offered while a link needs attention");
        assertTrue(vm.appsHintProperty().get().startsWith("Berth connected the apps"), "the apps need no first-open settings");
    }

    @Test
    void withoutWiringThePageSaysWhyAndShowsNoTable() {
        WiredDeploys.finish(session, preview, target, null);
        DoneViewModel vm = done(answering(WiredDeploys.allOk()));
        vm.enter();

        assertTrue(vm.links().isEmpty());
        assertFalse(vm.canRetryProperty().get());
        assertTrue(vm.appsHintProperty().get().startsWith("Berth did not connect the apps this time (the deploy ran without wiring"),
                vm.appsHintProperty().get());
        // The download client's sign-in comes from the plan, as its catalog file names it, in its row.
        SignInRow transmission = vm.signIns().getFirst();
        assertEquals("Transmission / admin", transmission.service() + " / " + transmission.username());
        vm.reveal(transmission, true);
        assertEquals(preview.plan().secrets().get("transmission_password"), transmission.shownPassword());
        assertTrue(vm.credentials().stream().noneMatch(c -> c.label().equals("Transmission")), vm.credentials().toString());
        ServiceLink row = vm.services().stream().filter(l -> l.name().equals("Transmission")).findFirst().orElseThrow();
        assertEquals(new HandOver.SignIn(transmission), row.handOver());
    }

    @Test
    void newSignInsAreHandedOverOnceWithThePasswordHiddenUntilShown() {
        WiredDeploys.finish(session, preview, target, WiredDeploys.oneNeedsAttention());
        DoneViewModel vm = done(answering(WiredDeploys.allOk()));
        vm.enter();
        String password = preview.plan().secrets().get("transmission_password");

        SignInRow transmission = vm.signIns().getFirst();
        assertEquals("Transmission / admin / /opt/berth/secrets/transmission_password",
                transmission.service() + " / " + transmission.username() + " / " + transmission.storedAt());
        assertTrue(transmission.handsOver());
        assertEquals("", transmission.shownPassword(), "hidden until Show");
        vm.reveal(transmission, true);
        assertEquals(password, transmission.shownPassword());
        vm.reveal(transmission, false);
        assertEquals("", transmission.shownPassword());
        vm.copy(transmission);
        assertEquals(List.of(password), dialogs.copied, "Copy works without showing it");
        assertFalse(transmission.toString().contains(password), "never in a log line");

        SignInRow sonarr = vm.signIns().get(1);
        assertFalse(sonarr.handsOver(), "made by an earlier deploy: only where it is kept");
        assertEquals("/opt/berth/secrets/sonarr_password", sonarr.storedAt());
        vm.reveal(sonarr, true);
        assertEquals("", sonarr.shownPassword());
        assertTrue(vm.signInsNoteProperty().get().startsWith("Berth hands these passwords over once"), vm.signInsNoteProperty().get());
        assertTrue(vm.credentials().stream().noneMatch(c -> c.label().equals("Transmission")),
                "the sign-in is listed once, with the sign-ins: " + vm.credentials());

        vm.leave();
        vm.enter();
        assertEquals(List.of("Transmission", "Sonarr"), vm.signIns().stream().map(SignInRow::service).toList(),
                "where they are kept stays on the page");
        assertTrue(vm.signIns().stream().noneMatch(SignInRow::handsOver), "handed over once");
        assertTrue(vm.signInsNoteProperty().get().startsWith("Each password is kept on this computer"));
    }

    @Test
    void retryRunsTheWiringAgainAndReplacesTheTable() {
        DeploySession.Deployed deployed = WiredDeploys.finish(session, preview, target, WiredDeploys.oneNeedsAttention());
        DoneViewModel vm = done(answering(WiredDeploys.allOk()));
        vm.enter();

        vm.retry();
        assertEquals(1, rewired.size());
        assertSame(deployed, rewired.getFirst(), "the deploy the page shows is wired again");
        assertTrue(vm.links().stream().allMatch(l -> l.status() != Link.Status.NEEDS_ATTENTION), vm.links().toString());
        assertEquals("All 4 links work.", vm.linksSummaryProperty().get());
        assertEquals("Tried again: every link works now.", vm.retryMessageProperty().get());
        assertFalse(vm.canRetryProperty().get(), "nothing left to retry");
        assertFalse(vm.retryingProperty().get());
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.signIns().getFirst().handsOver(), "the password this visit hands over stays until the page is left");
    }

    @Test
    void aRetryThatFailsKeepsTheTableAndSaysWhy() {
        WiredDeploys.finish(session, preview, target, WiredDeploys.oneNeedsAttention());
        DoneViewModel vm = done((deployed, progress) -> {
            throw new java.io.IOException("Lost the connection to the server.");
        });
        vm.enter();
        List<String> before = table(vm);

        vm.retry();
        assertEquals(before, table(vm));
        assertEquals("Retry did not finish: Lost the connection to the server. The table shows the links as they were.",
                vm.retryMessageProperty().get());
        assertTrue(vm.canRetryProperty().get(), "Retry is offered again");
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void retryRunsOffTheUiThreadAndCancelStopsItKeepingTheTable() throws Exception {
        QueuedUi ui = new QueuedUi();
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(ui)) {
            StepContext async = StepContext.create(WizardBackend.standard(), runner, dialogs);
            DeploySession asyncSession = new DeploySession(async.backend());
            WiredDeploys.finish(asyncSession, preview, target, WiredDeploys.oneNeedsAttention());
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            DoneViewModel vm = new DoneViewModel(async, asyncSession, (deployed, progress) -> {
                progress.message("Radarr: download client Transmission");
                started.countDown();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
                return WiredDeploys.allOk();
            });
            vm.enter();
            List<String> before = table(vm);

            vm.retry();
            assertTrue(vm.retryingProperty().get());
            assertFalse(vm.canRetryProperty().get(), "one Retry at a time");
            assertTrue(vm.busyProperty().get(), "closing the window stops it first");
            started.await();
            ui.runUntil("the progress reaches the page", () -> vm.retryMessageProperty().get().startsWith("Radarr:"));

            vm.cancelRetry();
            interrupted.await();
            ui.runPending();
            assertFalse(vm.retryingProperty().get());
            assertFalse(vm.busyProperty().get());
            assertTrue(vm.canRetryProperty().get());
            assertEquals(before, table(vm));
            assertTrue(vm.retryMessageProperty().get().startsWith("Retry stopped."), vm.retryMessageProperty().get());
        }
    }

    /**
     * The backend's own Retry is the real wiring (as berth wire): here no stack stands in the
     * deploy's folder on this computer and nothing answers, so every link needs attention again,
     * each saying what to do — and the wiring leaves no folder behind where there was none.
     */
    @Test
    void theBackendsOwnRetryRunsTheRealWiring() {
        org.junit.jupiter.api.Assumptions.assumeFalse(java.nio.file.Files.exists(java.nio.file.Path.of("/opt/berth")),
                "a real /opt/berth on this machine: the fixture's stack folder must not exist");
        WiredDeploys.finish(session, preview, target, WiredDeploys.oneNeedsAttention());
        DoneViewModel vm = new DoneViewModel(ctx, session);
        vm.enter();

        vm.retry();
        assertTrue(vm.retryMessageProperty().get().startsWith("Tried again; "), vm.retryMessageProperty().get());
        assertTrue(vm.links().stream().noneMatch(l -> l.status() == Link.Status.OK), vm.links().toString());
        assertTrue(vm.canRetryProperty().get());
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of("/opt/berth")), "the wiring made the stack folder");
    }

    @Test
    void aRetryAfterThePageWasLeftDoesNotHandThePasswordOverAgain() {
        WiredDeploys.finish(session, preview, target, WiredDeploys.oneNeedsAttention());
        DoneViewModel vm = done(answering(WiredDeploys.allOk()));
        vm.enter();
        vm.leave();
        vm.enter();

        vm.retry();
        assertTrue(vm.signIns().stream().noneMatch(SignInRow::handsOver), vm.signIns().toString());
    }
}

package dev.berth.wizardsteps.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.TargetAnswers;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.ComposeUpJob;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.PullProgress;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Deploy page's ViewModel deploying Jellyfin for real on this machine's engine (stand-in
 * image), with the task on the test's thread: the rows as the deploy left them, and a cancel.
 */
@NeedsDocker
class DeployViewModelTest {
    @TempDir
    Path tmp;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    /**
     * Logs of first installs that fail go to the test's folder, not this user's settings. No wiring:
     * the stand-in Jellyfin answers only its health path, so its first run would need attention
     * (the wiring has its own tests; this one is about steps, images and services).
     */
    private final StepContext ctx = TestContexts.create(dialogs,
            () -> DeployOptions.DEFAULT.withLocalLogFolder(tmp.resolve("berth-settings/deploy-logs")).withWiring(false));
    private final DeploySession session = new DeploySession(ctx.backend());
    private final DeployViewModel vm = new DeployViewModel(ctx, session);
    private String project;

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = StandInStacks.project();
    }

    @AfterEach
    void tearDown() {
        StandInStacks.remove(project);
        ctx.close();
    }

    /** What the Review page leaves for the Deploy page. */
    private void reviewed() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), tmp, project);
        ctx.model().load(answers);
        ctx.target().connect(TargetAnswers.LOCAL);
        session.review(session.preview(ctx.target().connected().orElseThrow(), answers, ctx.backend().deployOptions()));
    }

    @Test
    void deploysTheReviewedPreviewAndShowsEachStepImageAndService() throws Exception {
        reviewed();
        vm.enter();

        assertEquals(DeployViewModel.State.SUCCEEDED, vm.stateProperty().get(), vm.messageProperty().get());
        assertTrue(vm.isValid());
        assertFalse(vm.busyProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals("Deployed: the service is up.", vm.messageProperty().get());
        assertTrue(vm.board().jobs().stream().allMatch(j -> j.status() == JobRow.Status.DONE), vm.board().jobs()::toString);
        assertEquals(PullProgress.PRESENT, vm.board().images().getFirst().textProperty().get());
        ServiceRow jellyfin = vm.board().services().getFirst();
        assertTrue(List.of("healthy", "answering").contains(jellyfin.stateText()), jellyfin.stateText());
        assertFalse(jellyfin.failedProperty().get());
        assertTrue(session.deployedProperty().get().outcome().succeeded());
        assertTrue(session.reviewedProperty().get() == null, "a preview is deployed once");
        assertEquals(1, StandInStacks.containerIds(project).size());

        vm.leave();
        vm.enter();
        assertEquals(DeployViewModel.State.SUCCEEDED, vm.stateProperty().get(), "coming back shows the deploy, without a second one");
    }

    /** Plex's first start: the token typed on the page goes into this deploy's answers, never into berth.yaml or the draft. */
    @Test
    void aClaimTokenTypedRightBeforeStartingReachesThisDeployOnly() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(List.of("plex")), tmp, project);
        ctx.model().load(answers);
        ctx.target().connect(TargetAnswers.LOCAL);
        session.review(session.preview(ctx.target().connected().orElseThrow(), answers, ctx.backend().deployOptions()));
        vm.enter();
        assertEquals(DeployViewModel.State.ASKING, vm.stateProperty().get(), vm.messageProperty().get());

        String token = "claim-" + "x".repeat(20);
        vm.claimTokenProperty().set(token);
        vm.startWithClaim();

        assertEquals(DeployViewModel.State.SUCCEEDED, vm.stateProperty().get(), vm.messageProperty().get());
        DeploySession.Deployed deployed = session.deployedProperty().get();
        assertEquals(token, deployed.from().answers().media().plexClaim(), "this deploy was made with the token");
        assertEquals(token, deployed.from().preview().plan().answers().media().plexClaim());
        assertEquals("", vm.claimTokenProperty().get(), "a secret: not kept on the page");
        assertEquals(null, ctx.model().mediaProperty().get().plexClaim(), "nor in the draft");
        String berthYaml = Files.readString(tmp.resolve("stack/berth.yaml"));
        assertFalse(berthYaml.contains(token) || berthYaml.contains("plexClaim"), berthYaml);
    }

    @Test
    void cancelStopsTheStepUnderWayAndPutsEverythingBack() throws Exception {
        reviewed();
        // Cancel as the containers start: the person presses Cancel, and says yes when asked.
        vm.board().jobs().addListener((ListChangeListener<JobRow>) c -> vm.board().jobs().stream()
                .filter(j -> j.description().equals(composeUpDescription())).findFirst()
                .ifPresent(up -> up.statusProperty().addListener((o, was, now) -> {
                    if (now == JobRow.Status.RUNNING) {
                        vm.cancel();
                    }
                })));
        vm.enter();

        assertEquals(DeployViewModel.State.CANCELLED, vm.stateProperty().get(), vm.messageProperty().get());
        assertEquals("Cancelled. Everything it changed was put back as it was.\nNo stack was left in the stack folder, so the log "
                + "of this attempt is kept on this computer: " + logFile() + ".", vm.messageProperty().get());
        assertTrue(dialogs.asked.contains("confirm: Stop the deploy?"));
        assertFalse(vm.isValid());
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.board().jobs().stream().anyMatch(j -> j.status() == JobRow.Status.UNDONE));
        assertTrue(StandInStacks.containerIds(project).isEmpty(), "the new stack's containers are gone");
        assertFalse(Files.exists(tmp.resolve("stack/compose.yaml")), "and its files");
    }

    /**
     * gluetun never turns healthy, so {@code compose up} fails (sabnzbd waits for it): the page
     * shows gluetun's last lines, taken before the rollback removed its container, and where the
     * log of the attempt is kept.
     */
    @Test
    void aDependencyThatNeverTurnsHealthyShowsItsLastLines() throws Exception {
        Answers base = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sabnzbd"))
                .withVpn(Examples.answers("plex-usenet-openvpn").vpn());
        Answers answers = StandInStacks.deployable(base, tmp, project);
        ctx.model().load(answers);
        ctx.target().connect(TargetAnswers.LOCAL);
        StandInStacks.breakService("gluetun", tmp);
        try {
            session.review(session.preview(ctx.target().connected().orElseThrow(), answers, ctx.backend().deployOptions()));
            vm.enter();
        } finally {
            StandInStacks.repair("gluetun", tmp);
        }

        assertEquals(DeployViewModel.State.ROLLED_BACK, vm.stateProperty().get(), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("The deploy failed at \"Start the stack"), vm.messageProperty().get());
        ServiceRow gluetun = vm.board().services().stream().filter(r -> r.service().equals("gluetun")).findFirst().orElseThrow();
        assertTrue(gluetun.failedProperty().get());
        assertEquals("unhealthy", gluetun.stateProperty().get().name().toLowerCase());
        assertTrue(gluetun.logTailProperty().get().contains("stand-in for gluetun: never healthy"),
                gluetun.logTailProperty().get()::toString);
        assertTrue(vm.messageProperty().get().endsWith("kept on this computer: " + logFile() + "."), vm.messageProperty().get());
        assertTrue(Files.readString(logFile()).contains("| stand-in for gluetun: never healthy"));
    }

    /** The one log file of this test's failed or cancelled first install. */
    private Path logFile() throws Exception {
        try (var found = Files.list(tmp.resolve("berth-settings/deploy-logs"))) {
            List<Path> all = found.toList();
            assertEquals(1, all.size(), all::toString);
            return all.getFirst();
        }
    }

    private String composeUpDescription() {
        return session.deployedProperty().get() == null
                ? new ComposeUpJob(dev.berth.engine.ComposeTool.PLUGIN, project, tmp.resolve("stack").toString()).description()
                : "";
    }

    @Test
    void aDeployOfAStackAnotherBerthIsDeployingChangesNothingAndNamesIt() throws Exception {
        reviewed();
        String stackDir = tmp.resolve("stack").toString();
        try (var target = new dev.berth.engine.target.LocalTarget();
             var other = new dev.berth.engine.deploy.StackDeployer(target, dev.berth.catalog.Catalog.builtIn()).lock(stackDir)) {
            vm.enter();
        }
        assertEquals(DeployViewModel.State.CRASHED, vm.stateProperty().get(), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains("(pid " + ProcessHandle.current().pid() + ", Berth "), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains("has been deploying this stack since "), vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
        assertFalse(Files.exists(tmp.resolve("stack")), "nothing was written");
        assertTrue(StandInStacks.containerIds(project).isEmpty());
    }
}

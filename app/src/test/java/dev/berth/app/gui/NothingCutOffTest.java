package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.TargetAnswers;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.testsupport.NeedsFx;
import dev.berth.testsupport.RepoPaths;
import dev.berth.wizardsteps.WizardStep;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.ExecutorTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.done.DoneView;
import dev.berth.wizardsteps.done.DoneViewModel;
import dev.berth.wizardsteps.storage.StorageViewModel;
import dev.berth.wizardsteps.testing.Previews;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.WiredDeploys;
import dev.berth.wizardsteps.view.Stylesheet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing cut off at the window's default size (1080 × 720, as {@link WizardWindow} opens it
 * without a remembered size): every page of the wizard filled in from the fullest example answers
 * (Jellyfin, the *arr apps, WireGuard, a domain with Authelia, monitoring), and the Done page after
 * that stack was deployed. Fails naming each label whose text JavaFX shortened with an ellipsis.
 * The Deploy page is checked with a real deploy in {@link KeyboardWalkTest}.
 */
@NeedsFx
@NeedsDocker
class NothingCutOffTest {
    private static final String FULL = "full-wireguard";

    @Test
    void everyPageOfTheFullestAnswersShowsAllItsText() throws Exception {
        RequiresDocker.engine(); // the System check page asks this machine's engine
        List<String> found = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (WizardDriver wizard = new WizardDriver(WizardBackend.standard(), RepoPaths.root().resolve("docs/examples/" + FULL + ".yaml"))) {
            // The file's answers as a person would have them after Welcome and Target.
            for (String page : List.of("Welcome", "Target")) {
                assertEquals(page, wizard.waitUntilReady());
                check(wizard, page, found, seen);
                wizard.next();
            }
            // This machine fails the file's checks (no GPU for transcoding, example.com does not resolve), so Next stays
            // off here: the page is checked as it is, with its failures, and the rest opened on the same answers.
            wizard.until("the checks to finish", () -> !wizard.page().busyProperty().get()
                    && !wizard.page().summaryProperty().get().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            check(wizard, wizard.title(), found, seen);
            WizardShell[] rest = new WizardShell[1];
            wizard.robot.interact(() -> rest[0] = StepHarness.open(wizard.window().stage(), wizard.window().context(),
                    StorageViewModel.class));
            while (true) {
                WizardShell shell = rest[0];
                wizard.until("the page to be ready", () -> shell.flow().current().isValid() && !shell.flow().current().busyProperty().get());
                WaitForAsyncUtils.waitForFxEvents();
                String title = wizard.title();
                check(wizard, title, found, seen);
                if (title.equals("Review")) {
                    break;
                }
                wizard.next();
            }
        }
        assertEquals(List.of("Welcome", "Target", "System check", "Storage", "Apps", "VPN", "Access & security", "Monitoring",
                "Backups", "Review"), seen, "every page before the deploy");
        assertTrue(found.isEmpty(), "cut off:\n" + String.join("\n", found));
    }

    private static void check(WizardDriver wizard, String title, List<String> found, List<String> seen) {
        seen.add(title);
        wizard.robot.interact(() -> StepHarness.screenshot(wizard.window().stage().getScene().getRoot(), "cut-off-" + seen.size()));
        found.addAll(wizard.onFx(() -> Elided.in(wizard.window().stage().getScene().getRoot())).stream()
                .map(e -> title + ": " + e).toList());
    }

    @Test
    void theDonePageOfTheFullestStackShowsAllItsText() throws Exception {
        Answers answers = Examples.answers(FULL);
        DeployPreview preview = Previews.of(answers, Map.of(), List.of());
        StepContext[] ctx = new StepContext[1];
        Stage stage = FxToolkit.registerPrimaryStage();
        try (LocalTarget target = new LocalTarget()) {
            FxToolkit.setupFixture(() -> {
                ctx[0] = StepContext.create(WizardBackend.standard(), new ExecutorTaskRunner(Platform::runLater), new ScriptedDialogs());
                DeploySession session = new DeploySession(ctx[0].backend());
                WiredDeploys.finish(session, preview, TargetAnswers.LOCAL, target, WiredDeploys.oneNeedsAttention(),
                        Optional.of(DoneVpnPageTest.proof()));
                DoneViewModel done = new DoneViewModel(ctx[0], session);
                WizardShell shell = new WizardShell(List.of(WizardStep.of(done, DoneView::new)), new Theme());
                Scene scene = new Scene(shell, 1080, 720);
                scene.getStylesheets().add(Stylesheet.url());
                stage.setScene(scene);
                stage.show();
                shell.start();
            });
            WaitForAsyncUtils.waitForFxEvents();
            List<String> found = WaitForAsyncUtils.asyncFx(() -> Elided.in(stage.getScene().getRoot())).get();
            assertTrue(found.isEmpty(), "cut off on Done:\n" + String.join("\n", found));
        } finally {
            FxToolkit.setupFixture(() -> ctx[0].close());
            FxToolkit.cleanupStages();
        }
    }
}

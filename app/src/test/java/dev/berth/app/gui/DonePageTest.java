package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.ExecutorTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.done.DoneView;
import dev.berth.wizardsteps.done.DoneViewModel;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.WiredDeploys;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Done page headless after a deploy whose wiring left one link needing attention and made a
 * sign-in: the Links table shows the app's words, Show reveals the password, and Retry (run off
 * the FX thread) replaces the table with what the wiring found the second time.
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class DonePageTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final LocalTarget target = new LocalTarget();
    private final DeployPreview preview = WiredDeploys.preview();
    private final AtomicInteger rewires = new AtomicInteger();
    private StepContext ctx;
    private DoneView page;

    @Start
    void start(Stage stage) {
        ctx = StepContext.create(WizardBackend.standard(), new ExecutorTaskRunner(Platform::runLater), dialogs);
        DeploySession session = new DeploySession(ctx.backend());
        WiredDeploys.finish(session, preview, target, WiredDeploys.oneNeedsAttention());
        DoneViewModel vm = new DoneViewModel(ctx, session, (deployed, progress) -> {
            if (Platform.isFxApplicationThread()) {
                throw new IllegalStateException("Retry ran on the FX thread");
            }
            rewires.incrementAndGet();
            return WiredDeploys.allOk();
        });
        vm.enter();
        page = new DoneView(vm);
        StepHarness.showAlone(stage, page, 720);
    }

    @AfterEach
    void close() {
        ctx.close();
        target.close();
    }

    private static boolean showsText(FxRobot robot, String text) {
        return robot.lookup("#links").lookup((Label l) -> l.getText().equals(text)).tryQuery().filter(WizardWindowTest::shown).isPresent();
    }

    @Test
    void theTableShowsTheLinkNeedingAttentionShowRevealsThePasswordAndRetryReplacesTheResult(FxRobot robot) {
        assertTrue(showsText(robot, "Radarr → Transmission"));
        assertTrue(showsText(robot, WiredDeploys.RADARR_SAID), "the app's own words and what to do");
        assertTrue(showsText(robot, "left as you set it"));
        assertTrue(robot.lookup("#apps-hint").queryAs(Label.class).getText().startsWith("Berth connected the apps"),
                "no first-open settings left to make where the apps were wired");

        // The user guide's figure of the page (scripts/screenshots): the table as the deploy left it, the password hidden.
        robot.interact(() -> StepHarness.screenshot(page.getParent(), "done-links"));

        String password = preview.plan().secrets().get("transmission_password");
        TextField field = robot.lookup("#sign-in-password-transmission").queryAs(TextField.class);
        assertFalse(field.getText().contains(password), "hidden until Show");
        robot.clickOn("#sign-in-show-transmission");
        assertEquals(password, field.getText());
        robot.clickOn("#sign-in-copy-transmission");
        assertEquals(java.util.List.of(password), dialogs.copied);

        // Below the fold once every app's row says how to sign in: fired rather than clicked.
        assertTrue(WizardWindowTest.shown(robot.lookup("#retry-wiring").query()), "Retry is offered while a link needs attention");
        robot.interact(() -> robot.lookup("#retry-wiring").queryButton().fire());
        Await.until("Retry replaced the table", () -> robot.lookup("#retry-message").queryAs(Label.class).getText()
                .equals("Tried again: every link works now."));
        assertEquals(1, rewires.get());
        assertFalse(showsText(robot, WiredDeploys.RADARR_SAID));
        assertEquals("All 4 links work.", robot.lookup("#links-summary").queryAs(Label.class).getText());
        Node retry = robot.lookup("#retry-wiring").query();
        assertFalse(WizardWindowTest.shown(retry), "nothing left to retry");
    }
}

package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.MonitoringAnswers;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.monitoring.MonitoringViewModel;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Monitoring page in the real shell, headless: Tautulli without Plex (from an answers file) blocks Next and says why. */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class MonitoringStepTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private WizardShell shell;

    @Start
    void start(Stage stage) {
        Drafts.upToApps(ctx, "jellyfin", "sonarr");
        ctx.model().setMonitoring(new MonitoringAnswers(false, true, false, false, MonitoringAnswers.Watchtower.OFF));
        shell = StepHarness.open(stage, ctx, MonitoringViewModel.class);
    }

    @Test
    void tautulliWithoutPlexBlocksNextAndShowsItsMessage(FxRobot robot) {
        assertEquals("Monitoring", robot.lookup("#step-title").queryAs(Label.class).getText());
        Button next = robot.lookup("#next").queryButton();
        assertTrue(next.isDisabled());
        Label message = robot.lookup((Label l) -> l.getText().startsWith("Tautulli only reports on Plex")).queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(message));

        robot.clickOn("#monitoring-tautulli");
        assertFalse(next.isDisabled());
        assertTrue(robot.lookup("#monitoring-tautulli").tryQuery().isEmpty(), "offered only with Plex");

        robot.clickOn("#monitoring-prometheus");
        robot.clickOn("#watchtower-notify");
        assertEquals(new MonitoringAnswers(true, false, false, false, MonitoringAnswers.Watchtower.NOTIFY),
                ctx.model().monitoringProperty().get());
        robot.interact(() -> StepHarness.screenshot(shell.lookup(".step-page"), "monitoring-on"));
    }
}

package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.HostAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.review.ReviewViewModel;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import dev.berth.wizardsteps.review.HostPlacement;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Review page for a stack on several machines: no Deploy, what to run instead, and Save answers
 * still there; where each app runs and why, and a pin chosen by keyboard.
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class ReviewSeveralMachinesStepTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private WizardShell shell;

    @Start
    void start(Stage stage) {
        Drafts.upToApps(ctx, "jellyfin", "sonarr");
        ctx.model().setHosts(List.of(new HostAnswers("pc", TargetAnswers.LOCAL, "192.168.1.30"),
                new HostAnswers("nas", new TargetAnswers(TargetAnswers.Kind.SSH, "nas.local", null, "media", null), null)));
        shell = StepHarness.open(stage, ctx, ReviewViewModel.class);
    }

    @Test
    void saysToDeployFromTheCommandLineAndKeepsSaveAnswers(FxRobot robot) {
        Label said = robot.lookup((Label l) -> ReviewViewModel.SEVERAL_HOSTS.equals(l.getText())).queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(said));
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "no Deploy from here");
        assertTrue(!robot.lookup("#save-answers").queryButton().isDisabled());
    }

    @Test
    void showsWhereEachAppRunsAndPinsOneChosenByKeyboard(FxRobot robot) {
        assertEquals(HostPlacement.ASSUMED, robot.lookup("#placement-basis").queryAs(Label.class).getText());
        Label sonarr = robot.lookup("#placement-reason-sonarr").queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(sonarr));
        assertTrue(sonarr.getText().contains("data root"), sonarr.getText());
        robot.interact(() -> StepHarness.screenshot(shell.getScene().getRoot(), "review-several-machines"));

        @SuppressWarnings("unchecked")
        ComboBox<String> jellyfin = robot.lookup("#host-of-jellyfin").queryAs(ComboBox.class);
        assertEquals(jellyfin, ChecksSeveralMachinesStepTest.tabTo(robot, jellyfin), "the machine choice is reached by Tab");
        String other = "nas";
        robot.type(KeyCode.F4);
        for (int i = 0; i < jellyfin.getItems().indexOf(other); i++) {
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.ENTER);
        assertEquals(Map.of("jellyfin", other), ctx.model().placementProperty().get().pins());
        Label pinned = robot.lookup("#placement-reason-jellyfin").queryAs(Label.class);
        assertTrue(pinned.getText().contains("pinned"), pinned.getText());
    }
}

package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.HostAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.checks.ChecksViewModel;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The System check page for two machines (both this computer, checked for real): each under its name, and their sum. */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class ChecksSeveralMachinesStepTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private WizardShell shell;

    @Start
    void start(Stage stage) {
        Drafts.upToApps(ctx, "jellyfin", "sonarr");
        ctx.model().setHosts(List.of(new HostAnswers("pc", TargetAnswers.LOCAL, "10.0.0.2"),
                new HostAnswers("nas", TargetAnswers.LOCAL, "10.0.0.3")));
        shell = StepHarness.open(stage, ctx, ChecksViewModel.class);
    }

    @Test
    void eachMachineUnderItsNameThenAllTogetherAndRunAgainByKeyboard(FxRobot robot) {
        assertTrue(WizardWindowTest.shown(robot.lookup("#host-pc").query()));
        assertTrue(WizardWindowTest.shown(robot.lookup("#host-nas").query()));
        Label together = robot.lookup("#hosts-together").queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(together));
        assertTrue(together.getText().startsWith("All machines together: 2 hosts: "), together.getText());
        robot.interact(() -> StepHarness.screenshot(shell.getScene().getRoot(), "system-check-several-machines"));

        Button again = robot.lookup("#run-checks-again").queryButton();
        Node focused = tabTo(robot, again);
        assertEquals(again, focused, "Run again is reached by Tab");
        robot.type(KeyCode.SPACE);
        assertTrue(robot.lookup("#hosts-together").queryAs(Label.class).getText().startsWith("All machines together: 2 hosts: "));
    }

    /** Presses Tab until {@code target} has the keyboard (or every control was passed once). */
    static Node tabTo(FxRobot robot, Node target) {
        for (int i = 0; i < 80 && !target.isFocused(); i++) {
            robot.type(KeyCode.TAB);
        }
        return target.getScene().getFocusOwner();
    }
}

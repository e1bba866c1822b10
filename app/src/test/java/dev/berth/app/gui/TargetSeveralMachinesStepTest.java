package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.HostAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.target.TargetViewModel;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Target page in the real shell, headless: a second machine added, typed in from the keyboard, and removed again. */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class TargetSeveralMachinesStepTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private WizardShell shell;

    @Start
    void start(Stage stage) {
        shell = StepHarness.open(stage, ctx, TargetViewModel.class);
    }

    @Test
    void aSecondMachineIsAddedTypedAndRemoved(FxRobot robot) {
        assertEquals("Target", robot.lookup("#step-title").queryAs(Label.class).getText());
        Button next = robot.lookup("#next").queryButton();
        assertFalse(next.isDisabled(), "one machine, as before");
        assertFalse(robot.lookup("#host-0-name").tryQuery().map(WizardWindowTest::shown).orElse(false),
                "the target's name only with more machines");

        robot.clickOn("#add-host");
        TextField name = robot.lookup("#host-1-name").queryAs(TextField.class);
        assertTrue(name.isFocused(), "the new machine's name takes the keyboard");
        assertTrue(next.isDisabled());
        robot.write("nas");
        // On from the name by the keyboard alone: the kind choice, Remove, then host, port, user.
        robot.type(KeyCode.TAB, 3);
        robot.write("nas.local");
        robot.type(KeyCode.TAB, 2);
        robot.write("media");
        robot.clickOn("#host-0-address").write("192.168.1.30");
        assertEquals("", robot.lookup("#host-1-message").queryAs(Label.class).getText());
        assertFalse(next.isDisabled());
        assertEquals(List.of(new HostAnswers("main", TargetAnswers.LOCAL, "192.168.1.30"),
                new HostAnswers("nas", new TargetAnswers(TargetAnswers.Kind.SSH, "nas.local", null, "media", null), null)),
                ctx.model().hostsProperty().get());
        robot.interact(() -> StepHarness.screenshot(shell.getScene().getRoot(), "target-several-machines"));

        robot.clickOn("#host-1-remove");
        assertTrue(robot.lookup("#host-1-name").tryQuery().isEmpty());
        assertEquals(List.of(), ctx.model().hostsProperty().get());
        assertFalse(next.isDisabled());
    }
}

package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.WizardBackend;
import javafx.scene.Node;
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

/** The wizard window, headless under Monocle: the shell, Next bound to the page's answers, messages as the person types. */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class WizardWindowTest {
    @Start
    void start(Stage stage) {
        WizardWindow.open(stage, WizardBackend.standard(), null, WindowState.none());
    }

    @Test
    void opensOnWelcomeWithNextEnabled(FxRobot robot) {
        assertEquals("Welcome", title(robot));
        assertFalse(robot.lookup("#next").queryButton().isDisabled());
        assertTrue(robot.lookup("#back").queryButton().isDisabled());
    }

    @Test
    void theAnswersFileChoiceOffersAFilePickerAndBlocksNextUntilAFileIsRead(FxRobot robot) {
        Button choose = robot.lookup("#choose-answers-file").queryButton();
        assertFalse(shown(choose));
        robot.clickOn("#start-answers-file");
        assertTrue(shown(choose));
        assertTrue(robot.lookup("#next").queryButton().isDisabled());
    }

    @Test
    void anInvalidValueBlocksNextAndShowsItsMessage(FxRobot robot) {
        robot.clickOn("#next");
        assertEquals("Target", title(robot));
        robot.clickOn("#target-ssh");
        robot.clickOn("#host").write("nas.local");
        robot.clickOn("#user").write("Media Server");
        Button next = robot.lookup("#next").queryButton();
        assertTrue(next.isDisabled());
        String message = "is not a valid Linux user name (lower-case letters, digits, '_' or '-')";
        Label shownMessage = robot.lookup(message).queryAs(Label.class);
        assertTrue(shown(shownMessage));

        TextField user = robot.lookup("#user").queryAs(TextField.class);
        robot.interact(() -> user.setText("media"));
        assertFalse(next.isDisabled());
        assertFalse(shown(shownMessage));
    }

    @Test
    void enterInAFieldGoesOnOnceTheAnswersAreGood(FxRobot robot) {
        robot.clickOn("#next");
        robot.clickOn("#target-ssh");
        robot.clickOn("#host").write("127.0.0.1");
        robot.clickOn("#port").write("1"); // nothing listens there: the check page says so without waiting
        robot.clickOn("#user").write("media").type(KeyCode.ENTER);
        assertEquals("System check", title(robot));
    }

    @Test
    void theSidebarShowsEachStepsStateAndSummary(FxRobot robot) {
        robot.clickOn("#next");
        assertTrue(robot.lookup("#sidebar-1").lookup("✓").tryQuery().isPresent(), "Welcome is complete");
        assertTrue(robot.lookup("#sidebar-1").lookup("A new stack").tryQuery().isPresent());
        assertTrue(robot.lookup("#sidebar-3").lookup("3").tryQuery().isPresent(), "System check not visited yet");
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#step-title").queryAs(Label.class).getText();
    }

    /** Visible on screen: the node and all its parents. */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}

package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.wizardsteps.core.WizardBackend;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The shell opens on the Welcome page, headless under Monocle; the page reacts to the person's choice. */
@ExtendWith(ApplicationExtension.class)
class WizardWindowTest {
    @Start
    void start(Stage stage) {
        WizardWindow.open(stage, WizardBackend.standard(), null, WindowState.none());
    }

    @Test
    void opensOnWelcome(FxRobot robot) {
        assertEquals("Welcome", robot.lookup("#step-title").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#back").queryButton().isDisabled());
    }

    @Test
    void theAnswersFileChoiceOffersAFilePicker(FxRobot robot) {
        Button choose = robot.lookup("#choose-answers-file").queryButton();
        assertFalse(shown(choose));
        robot.clickOn("#start-answers-file");
        assertTrue(shown(choose));
    }

    /** Visible on screen: the node and all its parents. */
    static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}

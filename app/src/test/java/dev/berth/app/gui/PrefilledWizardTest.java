package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.testsupport.NeedsFx;
import dev.berth.testsupport.RepoPaths;
import dev.berth.wizardsteps.core.WizardBackend;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** {@code berth --answers FILE}: the wizard opens with every page filled in from the file. */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class PrefilledWizardTest {
    @Start
    void start(Stage stage) {
        WizardWindow.open(stage, WizardBackend.standard(), RepoPaths.root().resolve("docs/examples/remote-ssh.yaml"),
                WindowState.none());
    }

    @Test
    void thePagesShowTheFilesAnswers(FxRobot robot) throws Exception {
        // Reading the file is background work: wait for the summary it leads to (not a timing assertion).
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary(robot, 1).equals("From remote-ssh.yaml"));
        assertEquals("media@nas.local", summary(robot, 2));
        assertEquals("/srv/media data, owner 1000:100, Australia/Sydney", summary(robot, 4));
        assertFalse(robot.lookup("#next").queryButton().isDisabled());
        robot.clickOn("#next");
        assertEquals("nas.local", robot.lookup("#host").queryAs(TextField.class).getText());
        assertEquals("media", robot.lookup("#user").queryAs(TextField.class).getText());
    }

    /** The one-line summary under a step's title in the sidebar. */
    private static String summary(FxRobot robot, int step) {
        Node entry = robot.lookup("#sidebar-" + step).query();
        return robot.from(entry).lookup(".entry-summary").queryAs(Label.class).getText();
    }
}

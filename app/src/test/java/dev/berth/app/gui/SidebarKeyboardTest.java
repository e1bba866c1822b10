package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.WizardBackend;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The parts of the window around the pages, by keyboard alone: Tab reaches the sidebar's rows
 * (with a focus ring) and the dark-theme switch; Enter and Space on a row go to its page where
 * the flow allows and nowhere else; Enter on a focused Back presses Back, not Next; Alt+arrows
 * are Back and Next; and the questions on closing and about a server's key are answered by keyboard.
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class SidebarKeyboardTest {
    private WizardWindow window;

    @Start
    void start(Stage stage) {
        window = WizardWindow.open(stage, WizardBackend.standard(), null, WindowState.none());
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#step-title").queryAs(Label.class).getText();
    }

    @Test
    void tabReachesTheSidebarAndTheThemeSwitchAndEnterOnARowChangesPage(FxRobot robot) {
        Keys keys = new Keys(robot);
        assertEquals("Welcome", title(robot));
        assertTrue(robot.lookup("#start-new").query().isFocused(), "the focus starts on the page's first choice: "
                + Keys.describe(keys.focused()));
        keys.tabTo("next");
        keys.press(KeyCode.ENTER);
        assertEquals("Target", title(robot));
        assertTrue(robot.lookup("#target-local").query().isFocused() || robot.lookup("#target-ssh").query().isFocused(),
                "a new page puts the focus on its first field, not on the sidebar: " + Keys.describe(keys.focused()));

        Node welcome = keys.tabUntil("the sidebar's Welcome row", true, n -> Keys.hasId(n, "sidebar-1"));
        Region row = (Region) welcome;
        assertNotNull(row.getBorder(), "the focused row shows a focus ring");
        assertNotEquals(Color.TRANSPARENT, row.getBorder().getStrokes().getFirst().getTopStroke(), "the ring is drawn");
        keys.tabUntil("the dark-theme switch", true, n -> Keys.hasId(n, "dark-theme"));
        String theme = Application.getUserAgentStylesheet();
        keys.press(KeyCode.SPACE);
        assertNotEquals(theme, Application.getUserAgentStylesheet(), "Space flips the theme");
        keys.press(KeyCode.SPACE);
        assertEquals(theme, Application.getUserAgentStylesheet(), "and back");

        // A step not reached yet: Enter on its row neither jumps there nor falls through to Next.
        keys.tabUntil("the Review row", false, n -> Keys.hasId(n, "sidebar-10"));
        keys.press(KeyCode.ENTER);
        assertEquals("Target", title(robot));
        keys.tabUntil("the Welcome row", false, n -> Keys.hasId(n, "sidebar-1"));
        keys.press(KeyCode.ENTER);
        assertEquals("Welcome", title(robot), "Enter on a row goes to its page");
        keys.tabUntil("the Target row", true, n -> Keys.hasId(n, "sidebar-2"));
        keys.press(KeyCode.SPACE);
        assertEquals("Target", title(robot), "so does Space");
    }

    @Test
    void enterOnFocusedBackGoesBackAndAltArrowsMoveBetweenPages(FxRobot robot) {
        Keys keys = new Keys(robot);
        keys.press(KeyCode.ALT, KeyCode.RIGHT);
        assertEquals("Target", title(robot));
        keys.tabTo("back");
        keys.press(KeyCode.ENTER);
        assertEquals("Welcome", title(robot), "Enter on the focused Back presses Back, not the default Next");
        keys.press(KeyCode.ALT, KeyCode.RIGHT);
        assertEquals("Target", title(robot));
        keys.press(KeyCode.ALT, KeyCode.LEFT);
        assertEquals("Welcome", title(robot));
    }

    @Test
    void theQuestionOnClosingIsAnsweredByKeyboard(FxRobot robot) {
        Keys keys = new Keys(robot);
        keys.press(KeyCode.ALT, KeyCode.RIGHT);
        keys.press(KeyCode.ESCAPE);
        Node stay = keys.tabUntil("the dialog's Stay button", true, n -> n instanceof Button b && b.getText().equals("_Stay"));
        assertNotEquals(window.stage(), stay.getScene().getWindow(), "the focus is in the dialog");
        keys.press(KeyCode.ENTER);
        assertTrue(window.stage().isShowing(), "Enter on the focused Stay keeps the window open");
        assertEquals(1, Window.getWindows().stream().filter(Window::isShowing).count(), "the dialog is gone");
        assertEquals("Target", title(robot));
    }

    @Test
    void theServerKeyQuestionIsAnsweredByKeyboard(FxRobot robot) throws Exception {
        Keys keys = new Keys(robot);
        FxDialogService dialogs = new FxDialogService(window.stage(), url -> { });
        for (boolean trust : new boolean[] {false, true}) {
            CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(
                    () -> dialogs.trustHostKey("nas.local", 22, "ssh-ed25519", "SHA256:abc"));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Window.getWindows().stream().filter(Window::isShowing).count() == 2);
            WaitForAsyncUtils.waitForFxEvents();
            String button = trust ? "_Trust and connect" : "Cancel";
            keys.tabUntil(button, true, n -> n instanceof Button b && b.getText().equals(button));
            keys.press(trust ? KeyCode.SPACE : KeyCode.ENTER);
            assertEquals(trust, answer.get(20, TimeUnit.SECONDS), "the focused button is the answer: " + button);
        }
    }
}

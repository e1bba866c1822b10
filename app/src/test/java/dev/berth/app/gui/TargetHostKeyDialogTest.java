package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.TestSshd;
import dev.berth.engine.target.SshSettings;
import dev.berth.testsupport.NeedsFx;
import dev.berth.testsupport.NeedsSsh;
import dev.berth.wizardsteps.core.WizardBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Target page's Test connection against the real OpenSSH server on 127.0.0.1, in the wizard's
 * own window with its real dialogs: a server seen for the first time asks, in a window of its own,
 * whether to trust its key, showing the SHA256 fingerprint the server has; trusting it connects and
 * remembers it. Also the user guide's picture of that question (target-host-key.png).
 */
@NeedsFx
@NeedsSsh
@ExtendWith(ApplicationExtension.class)
class TargetHostKeyDialogTest {
    private static TestSshd sshd;

    @TempDir
    Path tmp;
    private Stage stage;

    @BeforeAll
    static void startServer() throws Exception {
        sshd = TestSshd.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // An SSH that knows no hosts yet and reads no config of this machine's user.
        SshSettings ssh = SshSettings.defaults().withKnownHosts(tmp.resolve("known_hosts"))
                .withConfigFile(tmp.resolve("no-ssh-config")).withDefaultKeys(List.of());
        WizardWindow.open(stage, WizardBackend.standard(ssh), null, WindowState.none(), url -> { });
        // The size of the tour's pictures where the screen has room (Xvfb's has; the headless one is smaller).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1200, screen.getWidth()));
        stage.setHeight(Math.min(860, screen.getHeight()));
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
    }

    @Test
    void aServerSeenForTheFirstTimeShowsItsKeysFingerprintAndConnectsOnceTrusted(FxRobot robot) throws Exception {
        robot.clickOn("#next");
        assertEquals("Target", robot.lookup("#step-title").queryAs(Label.class).getText());
        robot.clickOn("#target-ssh");
        StepHarness.fill(robot, "#host", "127.0.0.1");
        StepHarness.fill(robot, "#port", Integer.toString(sshd.port()));
        StepHarness.fill(robot, "#user", TestSshd.USER);
        StepHarness.fill(robot, "#keyFile", sshd.key("ed25519").toString());
        robot.clickOn("#test-connection");

        Window dialog = waitForWindow("New server key");
        TextField shown = (TextField) dialog.getScene().getRoot().lookup(".code");
        assertEquals(sshd.hostKeyFingerprint(), shown.getText(), "the fingerprint ssh-keygen -lf prints on the server");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> StepHarness.screenshotWithDialog(stage, dialog, "target-host-key"));

        Button trust = dialog.getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && b.getText().contains("Trust and connect")).map(Button.class::cast)
                .findFirst().orElseThrow();
        robot.interact(trust::fire);
        Label message = robot.lookup("#connection-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().startsWith("Connected"));
        assertTrue(Files.readString(tmp.resolve("known_hosts")).contains(sshd.knownHostsLine()), "remembered for next time");
    }

    /** The showing window with this title, once it opens (the login asks from its own thread). */
    private static Window waitForWindow(String title) throws Exception {
        Window[] found = new Window[1];
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            found[0] = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                    .filter(w -> w.isShowing() && w instanceof Stage s && title.equals(s.getTitle())).findFirst().orElse(null)).get();
            return found[0] != null;
        });
        return found[0];
    }
}

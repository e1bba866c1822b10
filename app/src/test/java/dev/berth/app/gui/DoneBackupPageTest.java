package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.TargetAnswers;
import dev.berth.engine.deploy.BackupSetup;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.ExecutorTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.done.DoneView;
import dev.berth.wizardsteps.done.DoneViewModel;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.WiredDeploys;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
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
 * The Done page headless after the deploy that made a stack's backup password: the Backups section
 * shows where and when, the password in a selectable field with Copy and the sentence that without
 * it the backup cannot be read, set apart from the rest; and the SFTP key to add on the other computer.
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class DoneBackupPageTest {
    static final String PASSWORD = "hV3pQ9sLw2xZ7kR4tN8mB6cJ1fG5dY0a";
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHd9cK3uJx0l2r5b1r9m3Jf4sQ0k3v8Yc1n2b3v4c5d6 berth-backup";
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final LocalTarget target = new LocalTarget();
    private StepContext ctx;

    @Start
    void start(Stage stage) {
        ctx = StepContext.create(WizardBackend.standard(), new ExecutorTaskRunner(Platform::runLater), dialogs);
        DeploySession session = new DeploySession(ctx.backend());
        WiredDeploys.finish(session, WiredDeploys.preview(), TargetAnswers.LOCAL, target, null, Optional.empty(),
                Optional.of(new BackupSetup("sftp:backup@nas.local:/srv/backup/berth", "daily at 03:30 by a systemd timer", true, "",
                        Optional.of(PASSWORD), Optional.of(KEY))));
        DoneViewModel vm = new DoneViewModel(ctx, session);
        vm.enter();
        StepHarness.showAlone(stage, new DoneView(vm), 900);
    }

    @AfterEach
    void close() {
        ctx.close();
        target.close();
    }

    @Test
    void thePasswordIsShownOnceSetApartWithCopy(FxRobot robot) {
        assertTrue(WizardWindowTest.shown(robot.lookup("#backup-section").query()));
        assertEquals("Backed up to sftp:backup@nas.local:/srv/backup/berth, daily at 03:30 by a systemd timer.",
                robot.lookup("#backup-where").queryAs(Label.class).getText());
        TextField password = robot.lookup("#backup-password").queryAs(TextField.class);
        assertEquals(PASSWORD, password.getText());
        assertTrue(!password.isEditable(), "selectable, not editable");
        assertTrue(robot.lookup("#backup-password-box").query().getStyleClass().contains("backup-password"));
        assertEquals(BackupSetup.KEEP_PASSWORD, robot.lookup("#backup-keep-password").queryAs(Label.class).getText());
        assertTrue(WizardWindowTest.shown(robot.lookup("#backup-keep-password").query()));
        assertEquals(KEY, robot.lookup("#backup-public-key").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#backup-attention").tryQuery().filter(WizardWindowTest::shown).isEmpty(), "the repository opened");

        // The user guide's figure of the section (scripts/screenshots).
        robot.interact(() -> StepHarness.screenshot(robot.lookup("#backup-section").query(), "done-backup"));

        Button copy = robot.lookup("#backup-password-copy").queryButton();
        robot.interact(copy::fire);
        assertEquals(List.of(PASSWORD), dialogs.copied);
        assertEquals("Copied", copy.getText());
    }
}

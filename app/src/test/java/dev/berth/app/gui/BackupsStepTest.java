package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.controls.ToggleSwitch;
import dev.berth.answers.BackupAnswers;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.backups.BackupsViewModel;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Backups page in the real shell, headless: off is a good answer; on, each kind shows its own
 * fields, a missing part blocks Next and is named beside its field, and the parts reach the draft
 * in restic's notation.
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class BackupsStepTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private WizardShell shell;

    @Start
    void start(Stage stage) {
        Drafts.upToApps(ctx, "jellyfin", "sonarr", "radarr");
        shell = StepHarness.open(stage, ctx, BackupsViewModel.class);
    }

    @Test
    void anSftpRepositoryFromItsPartsWithTheMissingOneNamed(FxRobot robot) {
        assertEquals("Backups", robot.lookup("#step-title").queryAs(Label.class).getText());
        Button next = robot.lookup("#next").queryButton();
        assertFalse(next.isDisabled(), "no backups is a good answer");
        assertFalse(WizardWindowTest.shown(robot.lookup("#backup-folder").query()), "the details show once switched on");

        ToggleSwitch on = robot.lookup("#backup-enabled").queryAs(ToggleSwitch.class);
        robot.interact(() -> on.setSelected(true));
        assertTrue(next.isDisabled());
        assertTrue(WizardWindowTest.shown(robot.lookup("#backup-folder").query()), "a folder on the server comes first");
        assertTrue(robot.lookup("#backup-what").queryAs(Label.class).getText().startsWith("Backed up: the stack folder /opt/berth"));

        robot.clickOn("#backup-sftp");
        assertFalse(WizardWindowTest.shown(robot.lookup("#backup-folder").query()));
        StepHarness.type(robot, "#backup-sftp-user", "backup");
        StepHarness.type(robot, "#backup-sftp-host", "n");
        robot.interact(() -> robot.lookup("#backup-sftp-host").queryTextInputControl().clear());
        Label message = robot.lookup((Label l) -> l.getText().startsWith("is required: the other computer's name")).queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(message));
        assertTrue(next.isDisabled());

        StepHarness.type(robot, "#backup-sftp-host", "nas.local");
        StepHarness.fill(robot, "#backup-sftp-path", "/srv/backup/berth");
        assertFalse(WizardWindowTest.shown(message));
        assertFalse(next.isDisabled());
        assertEquals("restic repository: sftp:backup@nas.local:/srv/backup/berth",
                robot.lookup("#backup-repository").queryAs(Label.class).getText());
        BackupAnswers b = ctx.model().backupProperty().get();
        assertTrue(b.enabled());
        assertEquals("sftp:backup@nas.local:/srv/backup/berth", b.repository());
        // The user guide's figure of the page (scripts/screenshots).
        robot.interact(() -> StepHarness.screenshot(shell.lookup(".step-page"), "backups-sftp"));
    }

    @Test
    void aKeepCountThatIsNotANumberKeepsTheValue(FxRobot robot) {
        ToggleSwitch on = robot.lookup("#backup-enabled").queryAs(ToggleSwitch.class);
        robot.interact(() -> on.setSelected(true));
        Spinner<Integer> daily = robot.lookup("#backup-keep-daily").query();
        robot.interact(() -> {
            daily.getEditor().setText("seven");
            daily.commitValue();
        });
        assertEquals(7, daily.getValue());
        assertEquals(7, ctx.model().backupProperty().get().keep().daily());
        robot.interact(() -> {
            daily.getEditor().setText("14");
            daily.commitValue();
        });
        assertEquals(14, ctx.model().backupProperty().get().keep().daily());
    }

    @Test
    void anS3BucketsSecretKeyIsTypedMasked(FxRobot robot) {
        ToggleSwitch on = robot.lookup("#backup-enabled").queryAs(ToggleSwitch.class);
        robot.interact(() -> on.setSelected(true));
        robot.clickOn("#backup-s3");
        StepHarness.fill(robot, "#backup-s3-endpoint", "https://s3.eu-central-003.backblazeb2.com");
        StepHarness.fill(robot, "#backup-s3-bucket", "media-backups/berth");
        StepHarness.fill(robot, "#backup-access-key-id", "003abc");
        Button next = robot.lookup("#next").queryButton();
        assertTrue(next.isDisabled(), "the secret key is still needed");
        assertTrue(robot.lookup("#backup-secret-key").query() instanceof PasswordField);
        StepHarness.type(robot, "#backup-secret-key", "K003secret");
        assertFalse(next.isDisabled());
        assertEquals("K003secret", ctx.model().backupProperty().get().credentials().secretAccessKey());
        assertEquals("s3:https://s3.eu-central-003.backblazeb2.com/media-backups/berth", ctx.model().backupProperty().get().repository());
    }
}

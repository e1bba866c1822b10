package dev.berth.wizardsteps.done;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.TargetAnswers;
import dev.berth.engine.backup.BackupSetup;
import dev.berth.engine.target.LocalTarget;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import dev.berth.wizardsteps.testing.WiredDeploys;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Done page's Backups section: the repository and schedule, what needs attention, the SFTP key, the password shown once. */
class DoneBackupTest {
    static final String PASSWORD = "hV3pQ9sLw2xZ7kR4tN8mB6cJ1fG5dY0a";
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHd9cK3uJx0l2r5b1r9m3Jf4sQ0k3v8Yc1n2b3v4c5d6 berth-backup";
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StepContext ctx = TestContexts.create(dialogs);
    private final DeploySession session = new DeploySession(ctx.backend());
    private final DoneViewModel vm = new DoneViewModel(ctx, session);
    private final LocalTarget target = new LocalTarget();

    @AfterEach
    void close() {
        ctx.close();
        target.close();
    }

    private void deployed(Optional<BackupSetup> backup) {
        WiredDeploys.finish(session, WiredDeploys.preview(), TargetAnswers.LOCAL, target, null, Optional.empty(), backup);
    }

    @Test
    void withoutBackupsTheSectionIsHidden() {
        deployed(Optional.empty());
        vm.enter();
        assertFalse(vm.backups().shownProperty().get());
        assertEquals("", vm.backups().passwordProperty().get());
    }

    @Test
    void theNewPasswordIsShownOnceWithItsSentenceAndCopied() {
        deployed(Optional.of(new BackupSetup("/mnt/backup/berth", "daily at 03:30 by a systemd timer", true, "",
                Optional.of(PASSWORD), Optional.empty())));
        vm.enter();
        BackupResults b = vm.backups();
        assertTrue(b.shownProperty().get());
        assertEquals("/mnt/backup/berth", b.repositoryProperty().get());
        assertEquals("daily at 03:30 by a systemd timer", b.scheduleProperty().get());
        assertEquals("", b.attentionProperty().get());
        assertEquals("", b.publicKeyProperty().get());
        assertEquals(PASSWORD, b.passwordProperty().get());
        assertEquals(BackupSetup.KEEP_PASSWORD, b.keepPassword());
        vm.copyBackupPassword();
        assertEquals(List.of(PASSWORD), dialogs.copied);

        vm.leave();
        vm.enter();
        assertEquals("", b.passwordProperty().get(), "shown once: gone after leaving the page");
        assertTrue(b.shownProperty().get(), "the rest stays");
        vm.copyBackupPassword();
        assertEquals(List.of(PASSWORD), dialogs.copied, "nothing more to copy");
    }

    @Test
    void aRepositoryThatDidNotOpenNeedsAttentionAndTheSftpKeyIsOffered() {
        String why = "The SFTP server nas.local refused the backup's key: add the public key below to "
                + "~backup/.ssh/authorized_keys there, then run berth backup.";
        deployed(Optional.of(new BackupSetup("sftp:backup@nas.local:/srv/berth", "daily at 03:30 by a scheduled container", false,
                why, Optional.empty(), Optional.of(KEY))));
        vm.enter();
        BackupResults b = vm.backups();
        assertEquals(why, b.attentionProperty().get());
        assertEquals(KEY, b.publicKeyProperty().get());
        assertEquals("", b.passwordProperty().get(), "a deploy that did not make the password does not show one");
        vm.copyBackupPublicKey();
        assertEquals(List.of(KEY), dialogs.copied);
    }

    @Test
    void theLastBackupIsReadWithoutStoppingThePage() {
        deployed(Optional.of(new BackupSetup("/mnt/backup/berth", "daily at 03:30 by a systemd timer", true, "",
                Optional.empty(), Optional.empty())));
        vm.enter();
        String last = vm.backups().lastBackupProperty().get();
        // The stack folder of this preview holds no backup record here: no line (an engine that cannot read it yet), or none ran.
        assertTrue(last.isEmpty() || last.equals("No backup has run yet."), last);
        assertTrue(vm.backups().shownProperty().get());
        assertTrue(vm.isValid());
    }
}

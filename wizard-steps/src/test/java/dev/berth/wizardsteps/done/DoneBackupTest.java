package dev.berth.wizardsteps.done;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.TargetAnswers;
import dev.berth.engine.backup.BackupException;
import dev.berth.engine.backup.BackupRun;
import dev.berth.engine.deploy.BackupSetup;
import dev.berth.engine.backup.Snapshot;
import dev.berth.engine.target.LocalTarget;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.TakeBackup;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import dev.berth.wizardsteps.testing.WiredDeploys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Done page's Backups section: the repository and schedule, what needs attention, the SFTP key,
 * the password shown once, and Back up now (with what it runs passed in, as Retry's wiring is).
 */
class DoneBackupTest {
    static final String PASSWORD = "hV3pQ9sLw2xZ7kR4tN8mB6cJ1fG5dY0a";
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHd9cK3uJx0l2r5b1r9m3Jf4sQ0k3v8Yc1n2b3v4c5d6 berth-backup";
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StepContext ctx = TestContexts.create(dialogs);
    private final DeploySession session = new DeploySession(ctx.backend());
    /** The deploys Back up now was asked to back up, and what it did meanwhile. */
    private final List<DeploySession.Deployed> backedUp = new ArrayList<>();
    private final List<String> seenWhileRunning = new ArrayList<>();
    private TakeBackup take = (deployed, progress) -> {
        throw new AssertionError("not asked to back up");
    };
    private final DoneViewModel vm = new DoneViewModel(ctx, session, (d, p) -> null, (d, p) -> take.now(d, p));
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
    void backUpNowRunsOffThePageAndSaysHowItEnded() {
        DeploySession.Deployed d = WiredDeploys.finish(session, WiredDeploys.preview(), TargetAnswers.LOCAL, target, null,
                Optional.empty(), Optional.of(new BackupSetup("/mnt/backup/berth", "daily at 03:30 by a systemd timer", true, "",
                        Optional.empty(), Optional.empty())));
        vm.enter();
        take = (deployed, progress) -> {
            backedUp.add(deployed);
            progress.message("Stopping sonarr, radarr…");
            seenWhileRunning.add(vm.backups().backupNowMessageProperty().get());
            seenWhileRunning.add("busy=" + vm.busyProperty().get() + ", running=" + vm.backups().backingUpProperty().get());
            return new BackupRun(new Snapshot("1a2b3c4d5e6f", "1a2b3c4d", Instant.now(), "media", List.of("berth"), List.of("/opt/berth")),
                    Duration.ofSeconds(20), Duration.ofSeconds(4), List.of("sonarr", "radarr"), "312 files, 2.1 MiB new.");
        };
        vm.backUpNow();
        assertEquals(List.of(d), backedUp, "the deploy the page shows");
        assertEquals(List.of("Stopping sonarr, radarr…", "busy=true, running=true"), seenWhileRunning, "its progress, bound while it runs");
        assertEquals("Backed up: snapshot 1a2b3c4d, sonarr, radarr down 4 s. 312 files, 2.1 MiB new.",
                vm.backups().backupNowMessageProperty().get());
        assertFalse(vm.busyProperty().get());
        assertFalse(vm.backups().backingUpProperty().get());
    }

    @Test
    void aBackupThatFailedSaysWhatToDo() {
        deployed(Optional.of(new BackupSetup("/mnt/backup/berth", "daily at 03:30 by a systemd timer", true, "",
                Optional.empty(), Optional.empty())));
        vm.enter();
        take = (deployed, progress) -> {
            throw new BackupException(BackupException.Reason.NO_REPOSITORY, "There is no backup repository at /mnt/backup/berth: "
                    + "mount the disk, then press Back up now again.");
        };
        vm.backUpNow();
        assertEquals("The backup did not finish: There is no backup repository at /mnt/backup/berth: mount the disk, then press "
                + "Back up now again.", vm.backups().backupNowMessageProperty().get());
        assertFalse(vm.busyProperty().get());
        assertFalse(vm.backups().backingUpProperty().get());
    }

    @Test
    void withoutBackupsThereIsNothingToBackUp() {
        deployed(Optional.empty());
        vm.enter();
        vm.backUpNow();
        assertEquals("", vm.backups().backupNowMessageProperty().get());
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

package dev.berth.wizardsteps.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersSecrets;
import dev.berth.answers.BackupAnswers;
import dev.berth.answers.BackupAnswers.Credentials;
import dev.berth.answers.BackupAnswers.Keep;
import dev.berth.answers.BackupAnswers.RepositoryKind;
import dev.berth.answers.BackupAnswers.Scheduler;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackupsViewModelTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final BackupsViewModel vm = new BackupsViewModel(ctx);

    private void entered() {
        Drafts.upToApps(ctx, "jellyfin", "sonarr");
        vm.enter();
    }

    @Test
    void offByDefaultIsAGoodAnswer() {
        entered();
        assertFalse(vm.enabledProperty().get());
        assertTrue(vm.isValid());
        assertEquals("Off", vm.summaryProperty().get());
        assertEquals(BackupAnswers.OFF, ctx.model().backupProperty().get());
    }

    @Test
    void aFolderOnTheServerIsTheRepositoryAsTyped() {
        entered();
        vm.enabledProperty().set(true);
        vm.folderProperty().set("/mnt/backup/berth");
        BackupAnswers b = ctx.model().backupProperty().get();
        assertEquals(new BackupAnswers(true, "/mnt/backup/berth", "03:30", Keep.DEFAULT, Scheduler.AUTO, null), b);
        assertTrue(vm.isValid(), vm.missingProperty().get());
        assertEquals("Daily at 03:30 to /mnt/backup/berth", vm.summaryProperty().get());
    }

    @Test
    void sftpPartsMakeResticsShortFormAndItsUrlFormWithAPort() {
        entered();
        vm.enabledProperty().set(true);
        vm.kindProperty().set(RepositoryKind.SFTP);
        vm.sftpUserProperty().set("backup");
        vm.sftpHostProperty().set("nas.local");
        vm.sftpPathProperty().set("/srv/backup/berth");
        assertEquals("sftp:backup@nas.local:/srv/backup/berth", ctx.model().backupProperty().get().repository());
        assertTrue(vm.isValid());
        vm.sftpPortProperty().set("2222");
        // restic takes a port only in its URL form, where the absolute path follows a second slash.
        assertEquals("sftp://backup@nas.local:2222//srv/backup/berth", ctx.model().backupProperty().get().repository());
        assertNull(ctx.model().backupProperty().get().credentials());
    }

    @Test
    void anS3BucketTakesItsKeysAsCredentials() {
        entered();
        vm.enabledProperty().set(true);
        vm.kindProperty().set(RepositoryKind.S3);
        vm.s3EndpointProperty().set("https://s3.eu-central-003.backblazeb2.com/");
        vm.s3BucketProperty().set("media-backups/berth");
        vm.accessKeyIdProperty().set("003abc");
        vm.secretAccessKeyProperty().set("K003 secret ");
        BackupAnswers b = ctx.model().backupProperty().get();
        assertEquals("s3:https://s3.eu-central-003.backblazeb2.com/media-backups/berth", b.repository());
        assertEquals(new Credentials("003abc", "K003 secret ", null, null), b.credentials(), "a secret is taken as typed");
        assertTrue(vm.isValid(), vm.missingProperty().get());
    }

    @Test
    void aRestServerTakesItsUserAndPassword() {
        entered();
        vm.enabledProperty().set(true);
        vm.kindProperty().set(RepositoryKind.REST);
        vm.restUrlProperty().set("https://backup.lan:8000");
        assertEquals("rest:https://backup.lan:8000/", ctx.model().backupProperty().get().repository(),
                "restic's form ends a bare server address with a slash");
        vm.restUrlProperty().set("https://backup.lan:8000/berth");
        assertTrue(vm.isValid(), "a rest-server without a sign-in");
        vm.usernameProperty().set("media");
        assertFalse(vm.isValid());
        assertEquals("Still needed: the rest-server password.", vm.missingProperty().get(), "not marked before it is touched");
        vm.passwordProperty().set("x");
        vm.passwordProperty().set("");
        assertEquals("is required with a user: the rest-server password of media", vm.messageProperty("password").get());
        vm.passwordProperty().set("pw");
        BackupAnswers b = ctx.model().backupProperty().get();
        assertEquals("rest:https://backup.lan:8000/berth", b.repository());
        assertEquals(new Credentials(null, null, "media", "pw"), b.credentials());
        assertTrue(vm.isValid());
    }

    @Test
    void eachMissingPartIsNamedBesideItsField() {
        entered();
        vm.enabledProperty().set(true);
        vm.kindProperty().set(RepositoryKind.SFTP);
        assertFalse(vm.isValid());
        assertEquals("Still needed: the SFTP user, the SFTP server, the folder on the SFTP server.", vm.missingProperty().get());
        vm.sftpUserProperty().set("backup");
        vm.sftpPathProperty().set("/srv/backup");
        vm.sftpHostProperty().set("x");
        vm.sftpHostProperty().set("");
        assertEquals("is required: the other computer's name or address, e.g. nas.local", vm.messageProperty("sftpHost").get());
        vm.sftpHostProperty().set("nas.local");
        vm.sftpPortProperty().set("22a");
        assertEquals("must be a port number from 1 to 65535 (empty: 22)", vm.messageProperty("sftpPort").get());
        assertFalse(vm.isValid());
        vm.sftpPortProperty().set("");
        assertTrue(vm.isValid());
    }

    @Test
    void theValidatorsRulesShowBesideThePagesFields() {
        entered();
        vm.enabledProperty().set(true);
        vm.folderProperty().set("/mnt/backup");
        vm.timeProperty().set("25:00");
        // AnswersValidator's own words, through the draft's problems: the page has no rule of its own for the time.
        assertEquals("must be a time of day as HH:MM, e.g. 03:30", vm.messageProperty("time").get());
        assertFalse(vm.isValid());
        vm.keepDailyProperty().set(0);
        assertEquals("must be 1 or more", vm.messageProperty("keepDaily").get(), "backup.keep.daily, shown beside Daily");
        vm.keepDailyProperty().set(7);
        vm.timeProperty().set("04:15");
        assertTrue(vm.isValid());
        assertEquals("04:15", ctx.model().backupProperty().get().time());
    }

    @Test
    void answersLoadedLaterFillThePageKindByKind() {
        Drafts.upToApps(ctx, "jellyfin");
        for (String repository : new String[] {"/mnt/usb/berth", "sftp:backup@nas.local:/srv/berth",
                "sftp://backup@[::1]:2222//srv/berth", "s3:https://minio.lan:9000/backups/berth", "s3:s3.amazonaws.com/bucket",
                "rest:http://backup.lan:8000/"}) {
            BackupAnswers b = new BackupAnswers(true, repository, "02:00", new Keep(14, 8, 12), Scheduler.SYSTEMD, null);
            ctx.model().load(ctx.model().answers().withBackup(b));
            assertEquals(RepositoryKind.of(repository).orElseThrow(), vm.kindProperty().get(), repository);
            assertEquals(repository, vm.repositoryProperty().get(), "the fields make the same notation again");
            assertEquals(b, ctx.model().backupProperty().get(), "the page leaves the loaded answers as they were: " + repository);
            if (repository.startsWith("sftp://")) {
                assertEquals(java.util.List.of("backup", "[::1]", "2222", "/srv/berth"), java.util.List.of(vm.sftpUserProperty().get(),
                        vm.sftpHostProperty().get(), vm.sftpPortProperty().get(), vm.sftpPathProperty().get()));
            }
        }
        assertEquals("02:00", vm.timeProperty().get());
        assertEquals(12, vm.keepMonthlyProperty().get());
        vm.enter();
        assertTrue(vm.isValid());
    }

    @Test
    void theStackReadFromTheTargetFillsThePage() {
        Drafts.upToApps(ctx, "jellyfin");
        BackupAnswers b = new BackupAnswers(true, "sftp:backup@nas.local:/srv/berth", null, null, null, null);
        // As the Target page does with the stack it finds on the server it connected to.
        ctx.model().loadKeepingTarget(ctx.model().answers().withBackup(b));
        assertTrue(vm.enabledProperty().get());
        assertEquals("nas.local", vm.sftpHostProperty().get());
        assertEquals(b, ctx.model().answers().backup());
    }

    @Test
    void aSectionThatIsOffStaysAsTheFileHasIt() {
        Drafts.upToApps(ctx, "jellyfin");
        BackupAnswers off = new BackupAnswers(false, "/mnt/usb/berth", "01:00", Keep.DEFAULT, Scheduler.CONTAINER, null);
        ctx.model().load(ctx.model().answers().withBackup(off));
        vm.enter();
        assertTrue(vm.isValid());
        assertEquals(off, ctx.model().backupProperty().get());
        assertEquals("Off", vm.summaryProperty().get());
    }

    @Test
    void aRerunKeepsTheStacksSecretKeyWhenTheFieldIsLeftEmpty() {
        Drafts.upToApps(ctx, "jellyfin");
        BackupAnswers typed = new BackupAnswers(true, "s3:https://s3.amazonaws.com/bucket", null, null, null,
                new Credentials("AKIA1", "secret", null, null));
        // The stack's berth.yaml as a re-run reads it: the secret key is in secrets/, not in the answers.
        Answers stack = AnswersSecrets.strip(ctx.model().answers().withBackup(typed));
        assertNull(stack.backup().credentials().secretAccessKey());

        ctx.model().load(stack);
        vm.enter();
        assertFalse(vm.isValid(), "a new stack needs the secret key");
        assertEquals("is required: the secret key that goes with the access key id", vm.messageProperty("secretAccessKey").get());
        assertEquals("", vm.promptProperty("secretAccessKey").get());

        ctx.model().setPreviousSecrets(Map.of(BackupProblems.KEPT_IN.get("secretAccessKey"), "secret"));
        assertTrue(vm.isValid(), vm.messageProperty("secretAccessKey").get());
        assertEquals("leave empty to keep the current one", vm.promptProperty("secretAccessKey").get());
        assertEquals("", vm.secretAccessKeyProperty().get());
        assertEquals(stack.backup(), ctx.model().backupProperty().get(), "the answers still leave the key to the stack's secrets");
    }

    @Test
    void theWordsSayWhatIsBackedUpWithTheDraftsFolders() {
        entered();
        String what = vm.whatProperty().get();
        assertTrue(what.startsWith("Backed up: the stack folder /opt/berth, with the passwords and keys Berth made, and every app's "
                + "settings under /opt/berth/config"), what);
        assertTrue(what.contains("Never backed up: your media and downloads (/srv/media)"), what);
        assertTrue(what.contains("shown once"), what);
    }
}

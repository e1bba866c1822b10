package dev.berth.engine.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.BackupAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.BackupPlan;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What needs no restic run: backups that are off, the last-run record (also half-written),
 * restic's snapshot list, and restic's failure texts (0.14's and 0.18's words, as their sources
 * print them) turned into reasons and messages that say what to do.
 */
class BackupMessagesTest {
    @TempDir
    Path dir;

    @Test
    void backupsThatAreOffSayHowToTurnThemOn() {
        StackPlan plan = new Planner(Catalog.builtIn()).plan(Examples.answers("minimal-jellyfin"), Map.of());
        try (LocalTarget t = new LocalTarget()) {
            StackBackups backups = new StackBackups(t, plan, Optional.empty(), dir.toString(), ComposeTool.PLUGIN, Clock.systemUTC());
            BackupException off = assertThrows(BackupException.class, () -> backups.backup(line -> { }, () -> false));
            assertEquals(BackupException.Reason.NOT_CONFIGURED, off.reason());
            assertTrue(off.getMessage().contains("backup: section") && off.getMessage().contains("Backups page"), off::getMessage);
            assertEquals(BackupException.Reason.NOT_CONFIGURED, assertThrows(BackupException.class,
                    () -> backups.previewRestore(Optional.empty(), Optional.empty())).reason());
        }
    }

    @Test
    void theLastRunIsReadAndAHalfWrittenRecordIsNoRecord() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            assertEquals(Optional.empty(), StackBackups.last(t, dir.toString()));
            Files.createDirectories(dir.resolve(".berth"));
            Files.writeString(dir.resolve(BackupPlan.LAST_BACKUP),
                    "{\"time\":\"2026-12-05T03:30:12Z\",\"ok\":true,\"snapshot\":\"1a2b3c4d\",\"appsDownSeconds\":4,\"message\":\"\"}\n");
            assertEquals(Optional.of(new LastBackup(Instant.parse("2026-12-05T03:30:12Z"), true, Optional.of("1a2b3c4d"),
                    Optional.of(Duration.ofSeconds(4)), "")), StackBackups.last(t, dir + "/"));
            Files.writeString(dir.resolve(BackupPlan.LAST_BACKUP), "{\"time\":\"2026-12-05T03:30:12Z\",\"ok\":tr");
            assertEquals(Optional.empty(), StackBackups.last(t, dir.toString()));
        }
    }

    @Test
    void snapshotsAreOldestFirstWithoutTheLivePasses() throws Exception {
        String json = "[{\"time\":\"2026-12-05T04:30:12.5+01:00\",\"paths\":[\"/opt/berth\"],\"hostname\":\"nas-media\",\"tags\":[\"berth\"],"
                + "\"id\":\"bbbbbbbb11\",\"short_id\":\"bbbbbbbb\"},"
                + "{\"time\":\"2026-12-05T03:30:00Z\",\"paths\":[\"/opt/berth\"],\"hostname\":\"nas-media\",\"tags\":[\"berth-live\"],"
                + "\"id\":\"cccccccc22\",\"short_id\":\"cccccccc\"},"
                + "{\"time\":\"2026-12-04T03:30:00Z\",\"paths\":[\"/opt/berth\"],\"hostname\":\"nas-media\",\"tags\":[\"berth\"],"
                + "\"id\":\"aaaaaaaa33\",\"short_id\":\"aaaaaaaa\"}]";
        List<Snapshot> snapshots = StackBackups.parseSnapshots(json);
        assertEquals(List.of("aaaaaaaa", "bbbbbbbb"), snapshots.stream().map(Snapshot::shortId).toList());
        assertEquals(Instant.parse("2026-12-05T03:30:12.5Z"), snapshots.getLast().time());
        assertEquals(List.of(), StackBackups.parseSnapshots("[]"));
    }

    @Test
    void resticsFailuresBecomeReasonsThatSayWhatToDo() {
        ResticErrors sftp = errors("sftp:backup@192.168.1.20:/srv/restic/media", BackupAnswers.RepositoryKind.SFTP);
        BackupException refused = sftp.of(1, "subprocess ssh: backup@192.168.1.20: Permission denied (publickey).\n"
                + "Fatal: unable to open repository at sftp:backup@192.168.1.20:/srv/restic/media: unable to start the sftp session, error: EOF\n",
                "The backup");
        assertEquals(BackupException.Reason.UNREACHABLE, refused.reason());
        assertTrue(refused.getMessage().contains("authorized_keys") && refused.getMessage().contains("/opt/berth/secrets/restic_ssh_key"),
                refused::getMessage);

        ResticErrors s3 = errors("s3:https://s3.example.com/media-backup", BackupAnswers.RepositoryKind.S3);
        BackupException key = s3.of(1, "Fatal: unable to open config file: Stat: The Access Key Id you provided does not exist in our records.\n"
                + "Is there a repository at the following location?\ns3:https://s3.example.com/media-backup\n", "The backup");
        assertEquals(BackupException.Reason.UNREACHABLE, key.reason(), "a refused key is not a missing repository");
        assertTrue(key.getMessage().contains("backup.credentials"), key::getMessage);
        assertEquals(BackupException.Reason.NO_REPOSITORY, s3.of(10, "Fatal: repository does not exist: unable to open config file: "
                + "Stat: The specified key does not exist.\nIs there a repository at the following location?\n", "The backup").reason());

        ResticErrors local = errors("/mnt/usb/berth", BackupAnswers.RepositoryKind.LOCAL);
        BackupException locked = local.of(1, "unable to create lock in backend: repository is already locked exclusively by PID 4121 on nas "
                + "by root (UID 0, GID 0)\nlock was created at 2026-12-05 03:30:00 (1m0s ago)\n"
                + "the `unlock` command can be used to remove stale locks\n", "The backup");
        assertEquals(BackupException.Reason.LOCKED, locked.reason());
        assertTrue(locked.getMessage().contains("PID 4121 on nas"), locked::getMessage);
        assertEquals(BackupException.Reason.LOCKED, local.of(75, "berth-backup: failed another backup of this stack is running\n", "The backup").reason());
        assertEquals(BackupException.Reason.WRONG_PASSWORD, local.of(12, "Fatal: wrong password or no key found\n", "The backup").reason());
        assertEquals("No backup repository at /mnt/usb/berth on nas.local. Is the backup disk mounted? Deploy again to create it.",
                local.of(1, "docker: Error response from daemon: invalid mount config for type \"bind\": bind source path does not exist: /mnt/usb.\n",
                        "The backup").getMessage());
        assertEquals(BackupException.Reason.NO_SNAPSHOT, local.of(1, "Fatal: find snapshot 1a2b: no matching ID found for prefix \"1a2b\"\n",
                "Restoring").reason());
        BackupException other = local.of(1, "open repository\nFatal: unable to save snapshot: disk full\n", "The backup");
        assertEquals(BackupException.Reason.FAILED, other.reason());
        assertEquals("The backup failed on nas.local (exit 1): unable to save snapshot: disk full", other.getMessage());
    }

    private static ResticErrors errors(String repository, BackupAnswers.RepositoryKind kind) {
        return new ResticErrors(new BackupPlan(repository, kind, "nas-media", List.of("/opt/berth"), List.of(), List.of(), new TreeMap<>(),
                LocalTime.of(3, 30), BackupAnswers.Keep.DEFAULT, BackupAnswers.Scheduler.SYSTEMD, BackupPlan.RESTIC_IMAGE),
                "/opt/berth", "nas.local");
    }
}

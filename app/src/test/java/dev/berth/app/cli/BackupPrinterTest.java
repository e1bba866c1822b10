package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.engine.backup.BackupRun;
import dev.berth.engine.deploy.BackupSetup;
import dev.berth.engine.backup.LastBackup;
import dev.berth.engine.backup.RestoreOutcome;
import dev.berth.engine.backup.RestorePreview;
import dev.berth.engine.backup.Snapshot;
import dev.berth.plan.BackupPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BackupPrinterTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Function<String, String> NAMES = s -> Map.of("sonarr", "Sonarr", "radarr", "Radarr", "jellyfin", "Jellyfin")
            .getOrDefault(s, s);
    private static final List<BackupPlan.StoppedApp> STOPPED = List.of(
            new BackupPlan.StoppedApp("sonarr", "keeps its library in SQLite"),
            new BackupPlan.StoppedApp("radarr", "keeps its library in SQLite"),
            new BackupPlan.StoppedApp("jellyfin", "keeps its users and watch history in SQLite"));
    private final BackupPrinter printer = new BackupPrinter(NOW, BERLIN);

    private static String printed(Consumer<PrintWriter> print) {
        StringWriter text = new StringWriter();
        print.accept(new PrintWriter(text, true));
        return text.toString();
    }

    private static Snapshot snapshot(String id, Instant time, String... tags) {
        return new Snapshot(id + "0".repeat(56), id, time, "berth-media", List.of(tags), List.of("/opt/berth", "/srv/config/sonarr"));
    }

    private static BackupRun run(List<String> stopped, Duration down) {
        return new BackupRun(snapshot("1a2b3c4d", NOW), Duration.ofSeconds(23), down, stopped,
                "Snapshot 1a2b3c4d saved, 12.3 MiB added to the repository; the apps were down " + down.toSeconds() + " s.");
    }

    @Test
    void aBackupSaysTheEnginesSummaryThenWhyTheAppsWereStopped() {
        assertEquals("""
                Snapshot 1a2b3c4d saved, 12.3 MiB added to the repository; the apps were down 4 s.
                Sonarr, Radarr were stopped for the snapshot: each keeps its library in SQLite.
                """, printed(out -> printer.run(run(List.of("sonarr", "radarr"), Duration.ofSeconds(4)), NAMES, STOPPED, out)));
        assertEquals("Sonarr was stopped for the snapshot: it keeps its library in SQLite.",
                printed(out -> printer.run(run(List.of("sonarr"), Duration.ofSeconds(65)), NAMES, STOPPED, out)).lines().toList().getLast());
        assertEquals("Sonarr, Jellyfin were stopped for the snapshot: Sonarr keeps its library in SQLite; "
                        + "Jellyfin keeps its users and watch history in SQLite.",
                printed(out -> printer.run(run(List.of("sonarr", "jellyfin"), Duration.ofSeconds(6)), NAMES, STOPPED, out)).lines().toList().getLast());
        assertEquals(List.of("Snapshot 1a2b3c4d saved, 12.3 MiB added to the repository; the apps were down 0 s."),
                printed(out -> printer.run(run(List.of(), Duration.ZERO), NAMES, List.of(), out)).lines().toList());
    }

    @Test
    void snapshotsNewestFirstWithLocalTimeAgeAndFoldersThenTheLastRun() {
        List<Snapshot> oldestFirst = List.of(
                snapshot("00aa11bb", Instant.parse("2026-11-20T02:30:05Z")),
                snapshot("9f8e7d6c", Instant.parse("2026-12-04T02:30:00Z"), "berth"),
                snapshot("1a2b3c4d", Instant.parse("2026-12-05T09:00:00Z"), "berth"));
        LastBackup last = new LastBackup(Instant.parse("2026-12-05T09:30:40Z"), true, Optional.of("1a2b3c4d"),
                Optional.of(Duration.ofSeconds(4)), "");

        assertEquals("""
                Snapshots in /mnt/backup/berth, newest first:
                  1a2b3c4d  2026-12-05 10:00  3 hours ago  2 folders
                  9f8e7d6c  2026-12-04 03:30  1 day ago    2 folders
                  00aa11bb  2026-11-20 03:30  2 weeks ago  2 folders
                Last backup: 2 hours ago (snapshot 1a2b3c4d, apps down 4 s)
                """, printed(out -> printer.snapshots("/mnt/backup/berth", oldestFirst, Optional.of(last), out)));
        assertEquals("""
                No snapshots in sftp:backup@nas:/berth yet: berth backup takes one now.
                Last run: none yet.
                """, printed(out -> printer.snapshots("sftp:backup@nas:/berth", List.of(), Optional.empty(), out)));
    }

    @Test
    void theLastRunInOneLineAFailedOneWithItsMessage() {
        assertEquals(Optional.of("Last backup: 3 hours ago (snapshot 1a2b3c4d)"), printer.lastLine(Optional.of(
                new LastBackup(NOW.minus(Duration.ofHours(3)), true, Optional.of("1a2b3c4d"), Optional.empty(), ""))));
        assertEquals(Optional.of("Last backup failed 2 days ago: Fatal: unable to open repository at /mnt/backup/berth: no such file"),
                printer.lastLine(Optional.of(new LastBackup(NOW.minus(Duration.ofDays(2)), false, Optional.empty(), Optional.empty(),
                        "Fatal: unable to open repository at /mnt/backup/berth: no such file"))));
        assertEquals(Optional.of("Last backup: just now"), printer.lastLine(Optional.of(
                new LastBackup(NOW.plusSeconds(5), true, Optional.empty(), Optional.of(Duration.ZERO), ""))), "a clock a little ahead");
        assertEquals(Optional.empty(), printer.lastLine(Optional.empty()));
    }

    @Test
    void aRestoreShowsTheSnapshotWhatIsWrittenBackAndWhatStopsThenHowItEnded() {
        RestorePreview preview = new RestorePreview(snapshot("1a2b3c4d", Instant.parse("2026-12-05T09:00:00Z")), Optional.of("sonarr"),
                List.of("/srv/config/sonarr"), List.of("sonarr"));
        assertEquals("""
                Restore sonarr only from snapshot 1a2b3c4d, taken 2026-12-05 10:00 (3 hours ago):
                Written back from the snapshot (what is there now is replaced):
                  /srv/config/sonarr
                Stopped while the files are written, then started again: sonarr
                """, printed(out -> printer.preview(preview, out)));
        assertEquals("""
                Restored sonarr from 1a2b3c4d: every service is healthy again.
                  sonarr  healthy
                """, printed(out -> printer.outcome(new RestoreOutcome(true, "Restored sonarr from 1a2b3c4d: every service is healthy again.",
                List.of("sonarr  healthy")), out)));
    }

    @Test
    void aDeployShowsTheNewPasswordOnlyWhenItMadeOneWithTheSentence() {
        BackupSetup first = new BackupSetup("sftp:backup@nas.local:/srv/restic/berth", "daily at 03:30 by a systemd timer", false,
                "The SFTP server refused the key: add it to ~backup/.ssh/authorized_keys on nas.local, then run berth deploy again.",
                Optional.of("Zq8mN3vT0pLx7RcY2wKe5uHa9sBdFj4G"), Optional.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3rk berth-backup"));
        assertEquals("""
                Backups: to sftp:backup@nas.local:/srv/restic/berth, daily at 03:30 by a systemd timer.
                Backups need attention: The SFTP server refused the key: add it to ~backup/.ssh/authorized_keys on nas.local, then run berth deploy again.
                Add this key to the SFTP server's ~/.ssh/authorized_keys for the repository's user:
                    ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3rk berth-backup
                Backup password (shown this once):
                    Zq8mN3vT0pLx7RcY2wKe5uHa9sBdFj4G
                """ + BackupSetup.KEEP_PASSWORD + "\n", printed(out -> BackupPrinter.setup(first, out)));

        String later = printed(out -> BackupPrinter.setup(new BackupSetup("/mnt/backup/berth", "daily at 03:30 by a scheduled container",
                true, "", Optional.empty(), Optional.empty()), out));
        assertEquals("Backups: to /mnt/backup/berth, daily at 03:30 by a scheduled container.\n", later);
        assertFalse(later.toLowerCase(java.util.Locale.ROOT).contains("password"), later);

        String note = "Remembered the host key of nas.local (SHA256:Xq3v0bW2mN8kL5pR7tY9uI1oA4sD6fG8hJ0kL2zX4cV).";
        assertEquals("Backups: to sftp:backup@nas.local:/srv/restic/berth, daily at 03:30 by a systemd timer.\n" + note + "\n",
                printed(out -> BackupPrinter.setup(new BackupSetup("sftp:backup@nas.local:/srv/restic/berth",
                        "daily at 03:30 by a systemd timer", true, note, Optional.empty(), Optional.empty()), out)));
    }
}

package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.StorageAnswers;
import dev.berth.testsupport.Examples;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a backup takes, from the catalog and the answers (issue 16). */
class BackupPlannerTest {
    private final Planner planner = Examples.repeatablePlanner();
    private final Answers backups = Examples.answers("backups");

    @Test
    void backupsOffPlanNoBackupAndNoSecret() {
        StackPlan plan = planner.plan(Examples.answers("minimal-jellyfin"), Map.of());
        assertTrue(plan.backup().isEmpty());
        assertFalse(plan.secrets().containsKey(BackupPlan.PASSWORD_SECRET));
        assertFalse(plan.has("backup"));
    }

    @Test
    void theStackFolderThenEveryAppsConfigFolderNeverTheMedia() {
        BackupPlan b = planner.plan(backups, Map.of()).backup().orElseThrow();
        assertEquals(List.of("/opt/berth", "/srv/config/jellyfin", "/srv/config/radarr", "/srv/config/sonarr",
                "/srv/config/prowlarr", "/srv/config/qbittorrent"), b.paths());
        assertEquals("/srv/config/sonarr", b.configFolders().get("sonarr"));
        assertEquals(List.of("jellyfin", "prowlarr", "qbittorrent", "radarr", "sonarr"), List.copyOf(b.configFolders().keySet()),
                "the backup schedule itself has no config folder");
        assertTrue(b.paths().stream().noneMatch(p -> p.startsWith("/srv/data")), b.paths().toString());
        assertTrue(b.excludes().containsAll(List.of("/srv/config/sonarr/logs", "/srv/config/sonarr/MediaCover",
                "/srv/config/jellyfin/cache", "/srv/config/jellyfin/data/transcodes", "/srv/config/qbittorrent/qBittorrent/logs",
                "/opt/berth/.berth/restic-cache")), b.excludes().toString());
        assertFalse(b.excludes().contains("/srv/data"), "the data root is in no saved folder: nothing to leave out");
        assertEquals("berth-media", b.host());
        assertEquals(LocalTime.of(3, 30), b.time());
        assertEquals(BackupAnswers.Keep.DEFAULT, b.keep());
        assertEquals(BackupAnswers.RepositoryKind.LOCAL, b.kind());
        assertEquals("/mnt/backup/berth", b.repository());
        assertEquals(BackupPlan.RESTIC_IMAGE, b.resticImage());
    }

    @Test
    void aConfigRootInsideTheStackFolderIsSavedWithIt() {
        BackupPlan b = planner.plan(withBackups(Examples.answers("full-wireguard")), Map.of()).backup().orElseThrow();
        assertEquals(List.of("/opt/berth"), b.paths(), "every config folder lies under /opt/berth/config");
        assertEquals("/opt/berth/config/npm", b.configFolders().get("npm"), "NPM's letsencrypt sub-folder is part of its folder");
        assertTrue(b.excludes().contains("/opt/berth/config/prometheus/*"), "metrics are not settings");
    }

    @Test
    void aDataRootInsideASavedFolderIsLeftOut() {
        StorageAnswers s = backups.storage();
        Answers underStack = backups.withStorage(new StorageAnswers(s.stackDir(), "/opt/berth/data", s.configRoot(), s.puid(),
                s.pgid(), s.timeZone(), false));
        BackupPlan b = planner.plan(underStack, Map.of()).backup().orElseThrow();
        assertTrue(b.excludes().contains("/opt/berth/data"), b.excludes().toString());
    }

    @Test
    void sqliteAppsStopDependentsFirst() {
        Answers seerr = backups.withServices(List.of("jellyfin", "sonarr", "radarr", "prowlarr", "qbittorrent", "seerr"));
        BackupPlan b = planner.plan(seerr, Map.of()).backup().orElseThrow();
        List<String> stopped = b.stopped().stream().map(BackupPlan.StoppedApp::service).toList();
        assertEquals(List.of("jellyfin", "prowlarr", "radarr", "seerr", "sonarr").size(), stopped.size(), stopped.toString());
        assertTrue(stopped.containsAll(List.of("jellyfin", "prowlarr", "radarr", "seerr", "sonarr")), stopped.toString());
        assertFalse(stopped.contains("qbittorrent"), "plain files, copied while it runs");
        // Seerr waits for Sonarr, Radarr and the media server: it stops before them, starts after them.
        StackPlan plan = planner.plan(seerr, Map.of());
        for (BackupPlan.StoppedApp app : b.stopped()) {
            for (String dependency : plan.service(app.service()).orElseThrow().dependsOn().keySet()) {
                int dep = stopped.indexOf(dependency);
                assertTrue(dep < 0 || dep > stopped.indexOf(app.service()), app.service() + " stops before " + dependency + ": " + stopped);
            }
        }
        BackupPlan.StoppedApp sonarr = b.stopped().stream().filter(a -> a.service().equals("sonarr")).findFirst().orElseThrow();
        assertEquals(new BackupPlan.StoppedApp("sonarr", "keeps its library in SQLite"), sonarr);
    }

    @Test
    void theRepositoryPasswordIsMadeOnceAndKept() {
        StackPlan first = planner.plan(backups, Map.of());
        String password = first.secrets().get(BackupPlan.PASSWORD_SECRET);
        assertTrue(password != null && password.length() >= 32, String.valueOf(password));
        StackPlan again = new Planner(dev.berth.catalog.Catalog.builtIn()).plan(backups, first.secrets());
        assertEquals(password, again.secrets().get(BackupPlan.PASSWORD_SECRET));
    }

    @Test
    void anS3SecretKeyIsTypedOnceThenKeptLikeTheVpnKey() {
        BackupAnswers s3 = new BackupAnswers(true, "s3:https://s3.example.com/bucket/berth", null, null, null,
                new BackupAnswers.Credentials("AKIAEXAMPLE", "secret-key", null, null));
        StackPlan first = planner.plan(backups.withBackup(s3), Map.of());
        assertEquals("secret-key", first.secrets().get(BackupPlan.S3_SECRET_KEY_SECRET));

        BackupAnswers withoutSecret = s3.withoutSecrets();
        StackPlan rerun = planner.plan(backups.withBackup(withoutSecret), first.secrets());
        assertEquals("secret-key", rerun.secrets().get(BackupPlan.S3_SECRET_KEY_SECRET));

        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> planner.plan(backups.withBackup(withoutSecret), Map.of()));
        assertEquals("backup.credentials.secretAccessKey", e.problems().getFirst().field());
        assertEquals(PlanRule.SECRET_REQUIRED, e.problems().getFirst().rule());
    }

    @Test
    void anSftpRepositoryGetsBerthsOwnKeyMadeOnceAndKept() {
        BackupAnswers sftp = new BackupAnswers(true, "sftp:backup@nas.home.lan:/srv/restic/berth", null, null, null, null);
        StackPlan first = planner.plan(backups.withBackup(sftp), Map.of());
        String key = first.secrets().get(BackupPlan.SSH_KEY_SECRET);
        assertTrue(key != null && key.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"), String.valueOf(key));
        StackPlan rerun = new Planner(dev.berth.catalog.Catalog.builtIn()).plan(backups.withBackup(sftp), first.secrets());
        assertEquals(key, rerun.secrets().get(BackupPlan.SSH_KEY_SECRET));
        assertFalse(planner.plan(backups, Map.of()).secrets().containsKey(BackupPlan.SSH_KEY_SECRET), "a local repository needs no key");
    }

    @Test
    void aRestServerPasswordIsKeptWhenAUserIsGiven() {
        BackupAnswers rest = new BackupAnswers(true, "rest:https://backup.example.com:8000/berth", null, null, null,
                new BackupAnswers.Credentials(null, null, "berth", "rest-password"));
        StackPlan first = planner.plan(backups.withBackup(rest), Map.of());
        assertEquals("rest-password", first.secrets().get(BackupPlan.REST_PASSWORD_SECRET));
        StackPlan rerun = planner.plan(backups.withBackup(rest.withoutSecrets()), first.secrets());
        assertEquals("rest-password", rerun.secrets().get(BackupPlan.REST_PASSWORD_SECRET));
    }

    @Test
    void theContainerScheduleMountsTheStackFolderAtItsOwnPath() {
        StackPlan plan = planner.plan(backups, Map.of());
        PlannedService schedule = plan.service("backup").orElseThrow();
        assertEquals("docker:27.5.1-cli", schedule.image().reference());
        assertEquals(List.of("crond", "-f", "-l", "8", "-c", "/opt/berth/backup/crontabs"), schedule.command());
        assertTrue(schedule.mounts().contains(Mount.bind("/opt/berth", "/opt/berth", false)), schedule.mounts().toString());
        assertTrue(schedule.mounts().contains(Mount.bind("/var/run/docker.sock", "/var/run/docker.sock", false)));
        assertTrue(schedule.mounts().contains(Mount.bind("/etc/localtime", "/etc/localtime", true)));
        assertEquals(0, schedule.hostWebPort());
        // docker:cli has no zone files: TZ=Europe/Berlin would run crond on UTC; this reads the mounted /etc/localtime.
        assertEquals(":/etc/localtime", schedule.environment().get("TZ"));
        assertTrue(plan.additions().stream().anyMatch(a -> a.service().equals("backup") && a.reason().contains("backups")),
                plan.additions().toString());

        Answers systemd = backups.withBackup(backups.backup().withScheduler(BackupAnswers.Scheduler.SYSTEMD));
        assertFalse(planner.plan(systemd, Map.of()).has("backup"), "a systemd timer needs no container");
        Answers auto = backups.withBackup(backups.backup().withScheduler(BackupAnswers.Scheduler.AUTO));
        assertFalse(planner.plan(auto, Map.of()).has("backup"), "the engine resolves auto before planning");
    }

    private static Answers withBackups(Answers answers) {
        return answers.withBackup(new BackupAnswers(true, "/mnt/backup/berth", null, null, null, null));
    }
}

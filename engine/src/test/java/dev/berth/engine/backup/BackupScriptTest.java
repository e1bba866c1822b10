package dev.berth.engine.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.BackupAnswers;
import dev.berth.plan.BackupPlan;
import dev.berth.testsupport.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup script itself, run for real: restic (Debian's) in its image against a local
 * repository, an app container stopped and started around the snapshot, a restore that gives back
 * a deleted app folder byte for byte, and the messages for a wrong password and a missing
 * repository. The engine's {@code StackBackups} runs this same script.
 */
@Tag("docker")
class BackupScriptTest {
    @TempDir
    Path root;
    private Path stack;
    private Path repo;
    private String app;
    private BackupPlan backup;

    @BeforeEach
    void setUp() throws Exception {
        ResticImages images = new ResticImages(root);
        images.restic();
        stack = root.resolve("stack");
        repo = root.resolve("disk/berth");
        Files.createDirectories(root.resolve("disk"));
        Files.createDirectories(stack.resolve("config/app/logs"));
        app = "berth-backup-test-" + UUID.randomUUID().toString().substring(0, 8);
        // A stand-in app that stops at once on SIGTERM, as the real apps do, labelled as Compose labels
        // the service "app" of the project of that name: the script finds it by those labels.
        run(List.of("docker", "run", "-d", "--name", app, "--label", "com.docker.compose.project=" + app,
                "--label", "com.docker.compose.service=app", "--entrypoint", "/bin/sh", ResticImages.RESTIC, "-c",
                "trap 'exit 0' TERM; while :; do sleep 1; done"));
        backup = new BackupPlan(repo.toString(), BackupAnswers.RepositoryKind.LOCAL, "berth-test", List.of(stack.toString()),
                List.of(stack + "/config/app/logs", stack + "/.berth/restic-cache"),
                List.of(new BackupPlan.StoppedApp("app", "keeps its library in SQLite")),
                new TreeMap<>(Map.of("app", stack + "/config/app")), LocalTime.of(3, 30), BackupAnswers.Keep.DEFAULT,
                BackupAnswers.Scheduler.CONTAINER, ResticImages.RESTIC);
        write(backup, "correct horse battery staple");
    }

    @AfterEach
    void tearDown() {
        ExternalTool.run(root, List.of("docker", "rm", "-f", app));
        // restic wrote the repository and the cache as root inside its container: hand them back
        // so the temporary folder can be deleted.
        ExternalTool.run(root, List.of("chmod", "-R", "u+rwX", root.toString()));
    }

    @Test
    void backsUpWithTheAppStoppedAndRestoresADeletedFolderByteForByte() throws Exception {
        ExternalTool.Result init = script("init");
        assertEquals(0, init.exitCode(), init.output());
        assertTrue(init.output().contains("berth-backup: repository created"), init.output());
        assertTrue(script("init").output().contains("berth-backup: repository ready"));

        byte[] db = new byte[200_000];
        new java.util.Random(7).nextBytes(db);
        Files.write(stack.resolve("config/app/app.db"), db);
        Files.writeString(stack.resolve("config/app/config.xml"), "<Config><ApiKey>abc</ApiKey></Config>\n");
        Files.writeString(stack.resolve("config/app/logs/app.txt"), "a log line\n");

        ExternalTool.Result run = script("backup");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("berth-backup: live-pass"), run.output());
        assertTrue(run.output().contains("berth-backup: stopping app"), run.output());
        assertTrue(run.output().contains("berth-backup: started app"), run.output());
        String snapshot = line(run.output(), "berth-backup: snapshot ");
        assertTrue(snapshot.matches("[0-9a-f]{8}"), run.output());
        assertEquals("true", inspect(app), "the app runs again after the backup");
        String last = Files.readString(stack.resolve(".berth/last-backup.json"));
        assertTrue(last.contains("\"ok\":true") && last.contains("\"snapshot\":\"" + snapshot + "\""), last);

        delete(stack.resolve("config/app"));
        ExternalTool.Result restore = script("restic", "restore", snapshot, "--target", "/", "--include", stack + "/config/app");
        assertEquals(0, restore.exitCode(), restore.output());
        assertArrayEquals(db, Files.readAllBytes(stack.resolve("config/app/app.db")));
        assertEquals("<Config><ApiKey>abc</ApiKey></Config>\n", Files.readString(stack.resolve("config/app/config.xml")));
        assertFalse(Files.exists(stack.resolve("config/app/logs/app.txt")), "logs are left out");
    }

    @Test
    void aWrongPasswordIsSaidAndTheAppIsNeverStopped() throws Exception {
        assertEquals(0, script("init").exitCode());
        write(backup, "not the password");
        ExternalTool.Result run = script("backup");
        assertTrue(run.exitCode() != 0, run.output());
        assertTrue(line(run.output(), "berth-backup: failed ").contains("wrong password"), run.output());
        assertFalse(run.output().contains("berth-backup: stopping"), run.output());
        assertEquals("true", inspect(app));
        String last = Files.readString(stack.resolve(".berth/last-backup.json"));
        assertTrue(last.contains("\"ok\":false") && last.contains("wrong password"), last);
    }

    @Test
    void aMissingRepositoryIsNeverMadeByABackup() throws Exception {
        ExternalTool.Result run = script("backup");
        assertTrue(run.exitCode() != 0, run.output());
        assertFalse(Files.exists(repo.resolve("config")), "a backup made no repository");
        assertFalse(line(run.output(), "berth-backup: failed ").isEmpty(), run.output());
        assertEquals("true", inspect(app));
    }

    @Test
    void initRefusesAFolderWhoseParentIsMissing() throws Exception {
        BackupPlan elsewhere = new BackupPlan(root.resolve("unplugged/berth").toString(), backup.kind(), backup.host(), backup.paths(),
                backup.excludes(), backup.stopped(), backup.configFolders(), backup.time(), backup.keep(), backup.scheduler(),
                backup.resticImage());
        write(elsewhere, "correct horse battery staple");
        ExternalTool.Result init = script("init");
        assertTrue(init.exitCode() != 0, init.output());
        assertTrue(line(init.output(), "berth-backup: failed ").contains("does not exist on this server"), init.output());
    }

    private void write(BackupPlan plan, String password) throws Exception {
        BackupStackFiles.write(stack, app, plan, password);
    }

    private ExternalTool.Result script(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("sh", stack.resolve(BackupPlan.SCRIPT).toString()));
        argv.addAll(List.of(args));
        return ExternalTool.run(root, argv);
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).reduce((x, y) -> y).orElse("");
    }

    private String inspect(String container) {
        return ExternalTool.run(root, List.of("docker", "inspect", "-f", "{{.State.Running}}", container)).output().strip();
    }

    private void run(List<String> argv) {
        ExternalTool.Result r = ExternalTool.run(root, argv);
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.output());
    }

    private static void delete(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

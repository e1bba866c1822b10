package dev.berth.engine.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import dev.berth.answers.BackupAnswers;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.BackupPlan;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.NeedsDocker;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes wrong, for real: a wrong password, a repository that is not there, a backup cut off
 * half-way (its restic killed while it holds its lock, then the script killed while the app is
 * stopped) and one cancelled by the person. The repository stays usable ({@code restic check}
 * passes, the next backup works) and the app runs again every time.
 */
@NeedsDocker
class StackBackupsFailuresTest {
    /** Big enough that restic's first pass over it takes seconds: it is stopped while it reads. */
    private static final int BIG_MB = 400;
    @TempDir
    Path root;
    private BackupScenario scenario;

    @BeforeEach
    void deploy() throws Exception {
        RequiresDocker.engine();
        scenario = new BackupScenario(root, 1000);
        scenario.deploy(LocalTarget::new);
    }

    @Test
    void aWrongPasswordAndAMissingRepositoryAreSaidPlainlyAndTheAppKeepsRunning() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            scenario.writeBackupFiles("not the password");
            BackupException wrong = assertThrows(BackupException.class, () -> scenario.backups(t).backup(line -> { }, () -> false));
            assertEquals(BackupException.Reason.WRONG_PASSWORD, wrong.reason(), wrong::getMessage);
            assertTrue(wrong.getMessage().contains(scenario.stack + "/secrets/restic_password"), wrong::getMessage);
            assertTrue(BackupScenario.running(scenario.container));

            scenario.useRepository(root.resolve("disk/elsewhere").toString(), BackupAnswers.RepositoryKind.LOCAL);
            BackupException none = assertThrows(BackupException.class, () -> scenario.backups(t).backup(line -> { }, () -> false));
            assertEquals(BackupException.Reason.NO_REPOSITORY, none.reason(), none::getMessage);
            assertEquals("No backup repository at " + root.resolve("disk/elsewhere") + " on this computer. Is the backup disk mounted?"
                    + " Deploy again to create it.", none.getMessage());
            assertFalse(Files.exists(root.resolve("disk/elsewhere/config")), "a backup makes no repository");
            assertEquals(BackupException.Reason.NO_REPOSITORY,
                    assertThrows(BackupException.class, () -> scenario.backups(t).snapshots()).reason());

            scenario.useRepository(root.resolve("unplugged/berth").toString(), BackupAnswers.RepositoryKind.LOCAL);
            BackupException unplugged = assertThrows(BackupException.class, () -> scenario.backups(t).backup(line -> { }, () -> false));
            assertEquals(BackupException.Reason.NO_REPOSITORY, unplugged.reason(), unplugged::getMessage);
            assertTrue(BackupScenario.running(scenario.container));
        }
    }

    @Test
    void aBackupCutOffHalfWayLeavesTheRepositoryUsableAndTheAppRunning() throws Exception {
        big();
        Path script = scenario.stack.resolve(BackupPlan.SCRIPT);
        try (LocalTarget t = new LocalTarget()) {
            List<String> said = new ArrayList<>();
            BackupException cut = assertThrows(BackupException.class, () -> scenario.backups(t).backup(line -> {
                said.add(line);
                if (line.startsWith("Copying everything while the apps run")) {
                    killRestic(); // mid-write: it holds its lock in the repository
                } else if (line.startsWith("Stopping Jellyfin")) {
                    Await.until("Jellyfin stopped for the snapshot", () -> !BackupScenario.running(scenario.container));
                    killScript(script);
                }
            }, () -> false));
            assertTrue(said.stream().anyMatch(l -> l.startsWith("Stopping Jellyfin")), said::toString);
            assertTrue(BackupScenario.running(scenario.container), "Berth started the app the script left stopped: " + cut.getMessage());
            assertTrue(locked(), "restic was killed while it held its lock");

            ExecResult check = t.exec(List.of("sh", script.toString(), "check"), Duration.ofMinutes(5));
            assertEquals(0, check.exitCode(), check.stdout() + check.stderr());
            BackupRun next = scenario.backups(t).backup(line -> { }, () -> false);
            assertTrue(next.snapshot().shortId().matches("[0-9a-f]{8}"), next::toString);
            assertTrue(BackupScenario.running(scenario.container));
        }
    }

    @Test
    void aCancelStopsResticCleanlyBeforeAnyAppStops() throws Exception {
        big();
        AtomicBoolean cancel = new AtomicBoolean();
        try (LocalTarget t = new LocalTarget()) {
            List<String> said = new ArrayList<>();
            CancellationException stopped = assertThrows(CancellationException.class, () -> scenario.backups(t).backup(line -> {
                said.add(line);
                if (line.startsWith("Copying everything while the apps run")) {
                    Thread.ofVirtual().start(() -> {
                        awaitWriting();
                        cancel.set(true);
                    });
                }
            }, cancel::get));
            assertTrue(stopped.getMessage().contains("no snapshot was saved"), stopped::getMessage);
            assertTrue(said.stream().noneMatch(l -> l.startsWith("Stopping")), said::toString);
            assertFalse(locked(), "restic removed its own lock when it was interrupted");
            assertTrue(BackupScenario.running(scenario.container));
            assertTrue(scenario.backups(t).backup(line -> { }, () -> false).snapshot().shortId().matches("[0-9a-f]{8}"));
        }
    }

    private void big() throws Exception {
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(3);
        Files.createDirectories(scenario.appFolder);
        try (OutputStream out = Files.newOutputStream(scenario.appFolder.resolve("metadata.bin"))) {
            for (int i = 0; i < BIG_MB; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }

    /**
     * Until restic writes its first pack of data, well after it took (and registered) its lock.
     * Looked at often: restic reads a few hundred MB a second, and must be stopped while it does.
     */
    private void awaitWriting() {
        Await.untilEvery(Duration.ofMillis(20), "restic writing data while it holds its lock", () -> locked() && writing());
    }

    private boolean writing() throws Exception {
        try (var files = Files.walk(scenario.repository.resolve("data"))) {
            return files.anyMatch(Files::isRegularFile);
        }
    }

    private boolean locked() throws Exception {
        Path locks = scenario.repository.resolve("locks");
        try (var files = Files.list(locks)) {
            return files.findAny().isPresent();
        }
    }

    /** SIGKILL, as a crash or the OOM killer would: restic cleans nothing up. */
    private void killRestic() {
        awaitWriting();
        try (LocalTarget local = new LocalTarget()) {
            for (Container c : local.docker().listContainersCmd().withLabelFilter(Map.of(StackBackups.STACK_LABEL,
                    scenario.stack.toString(), StackBackups.RUN_LABEL, "backup")).exec()) {
                local.docker().killContainerCmd(c.getId()).exec();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The script's shells (it forks for its pipelines), by the script's own path: never another process. */
    private static void killScript(Path script) {
        String line = script + " backup";
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").endsWith(line))
                .forEach(ProcessHandle::destroyForcibly);
    }

    @AfterEach
    void cleanUp() {
        if (scenario != null) {
            scenario.cleanUp();
        }
    }
}

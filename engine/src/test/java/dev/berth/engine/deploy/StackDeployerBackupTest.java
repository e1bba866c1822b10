package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.BackupScheduler;
import dev.berth.engine.deploy.BackupSetup;
import dev.berth.engine.backup.ResticImages;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.BackupPlan;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deploy with backups on, against the real engine: {@code auto} resolved on this machine (no
 * systemd runs here, so the scheduled container) while berth.yaml keeps {@code auto}; restic's image
 * among those the deploy makes sure are there; the repository made with the password shown once;
 * and the scheduled container, running the docker CLI image with BusyBox's crond, takes a real
 * snapshot by the very line of its crontab.
 */
@NeedsDocker
class StackDeployerBackupTest {
    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private String project;

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = DeployFixtures.project();
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(target, project);
        target.close();
        // restic wrote the repository and its cache as root inside its container.
        ExternalTool.run(root, List.of("chmod", "-R", "u+rwX", root.toString()));
    }

    private Answers withBackups(String time) throws Exception {
        Files.createDirectories(root.resolve("disk"));
        Answers a = DeployFixtures.answers(Examples.answers("minimal-jellyfin")
                .withBackup(new BackupAnswers(true, root.resolve("disk/berth").toString(), time, null, null, null)), root, project);
        ResticImages tools = new ResticImages(root);
        tools.restic();
        tools.dockerCli();
        // Stand-ins for the apps; the backup service runs the real docker CLI image built above.
        new StandInImages(root).build(DeployFixtures.plan(a.withBackup(a.backup().withScheduler(BackupAnswers.Scheduler.CONTAINER)))
                .services().stream().map(PlannedService::definition).filter(d -> !d.id().equals("backup")).toList());
        return a;
    }

    private DeployOutcome deploy(Answers answers) throws Exception {
        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);
        DeployPreview preview = deployer.preview(answers, DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(90)));
        assertTrue(preview.jobs().stream().filter(PullImagesJob.class::isInstance).map(PullImagesJob.class::cast)
                .anyMatch(j -> j.images().contains(BackupPlan.RESTIC_IMAGE)), "restic's image is made sure of with the stack's");
        return deployer.deploy(preview, p -> { }, () -> false);
    }

    @Test
    void backupsOnMakeTheRepositoryShowThePasswordOnceAndTheScheduledContainerTakesASnapshot() throws Exception {
        assertEquals(BackupAnswers.Scheduler.CONTAINER, BackupScheduler.ask(target), "no systemd runs on this machine");
        Answers answers = withBackups("03:30");
        Path stack = root.resolve("stack");

        DeployOutcome first = deploy(answers);
        assertTrue(first.succeeded(), first::toString);
        String password = Files.readString(stack.resolve("secrets/" + BackupPlan.PASSWORD_SECRET)).strip();
        BackupSetup setup = first.backup().orElseThrow();
        assertEquals(new BackupSetup(root.resolve("disk/berth").toString(), "daily at 03:30 by the backup container", true, "",
                java.util.Optional.of(password), java.util.Optional.empty()), setup);
        assertTrue(Files.exists(root.resolve("disk/berth/config")), "the deploy made the repository");
        String berthYaml = Files.readString(stack.resolve("berth.yaml"));
        assertTrue(berthYaml.contains("\n  scheduler: auto\n"), "berth.yaml keeps the scheduler as the person left it:\n" + berthYaml);
        String deployLog = Files.readString(stack.resolve(".berth/deploy.log"));
        assertTrue(deployLog.contains("  backup to " + root.resolve("disk/berth") + ", daily at 03:30 by the backup container: ready\n"), deployLog);
        assertFalse(deployLog.contains(password) || first.toString().contains(password), "the password is never logged nor printed");

        // The scheduled container runs the crontab's line as it stands: run that very line in it.
        String crontab = Files.readString(stack.resolve("backup/crontabs/root"));
        String line = crontab.lines().filter(l -> !l.startsWith("#") && l.contains("berth-backup' backup")).findFirst().orElseThrow();
        String command = line.split("\\s+", 6)[5];
        assertEquals("/bin/sh '" + stack + "/backup/berth-backup' backup >> '" + stack + "/.berth/backup.log' 2>&1", command);
        assertTrue(line.startsWith("30 3 * * * "), line);
        String container = DeployFixtures.containerIds(target, project).get("backup");
        assertTrue(ExternalTool.run(root, List.of("docker", "top", container)).output().contains("crond"), "crond runs in it");
        ExternalTool.Result run = ExternalTool.run(root, List.of("docker", "exec", container, "sh", "-c", command));
        String log = Files.readString(stack.resolve(".berth/backup.log"));
        assertEquals(0, run.exitCode(), log);
        assertTrue(log.lines().anyMatch(l -> l.matches("berth-backup: snapshot [0-9a-f]{8}")), log);
        String last = Files.readString(stack.resolve(BackupPlan.LAST_BACKUP));
        assertTrue(last.contains("\"ok\":true"), last);

        // A second deploy that changes something finds the repository and shows no password.
        DeployOutcome second = deploy(answers.withBackup(new BackupAnswers(true, answers.backup().repository(), "04:15", null, null, null)));
        assertTrue(second.succeeded(), second::toString);
        BackupSetup again = second.backup().orElseThrow();
        assertTrue(again.ready(), again.message());
        assertEquals("daily at 04:15 by the backup container", again.schedule());
        assertEquals(java.util.Optional.empty(), again.newPassword());
        assertEquals(password, Files.readString(stack.resolve("secrets/" + BackupPlan.PASSWORD_SECRET)).strip(), "the password is kept");
    }
}

package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.BackupAnswers;
import dev.berth.engine.deploy.BackupSetup;
import dev.berth.engine.backup.BackupStackFiles;
import dev.berth.engine.backup.ResticImages;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.BackupPlan;
import dev.berth.testsupport.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy's repository step with real restic (in its image): made once, then found; a failure said, never thrown. */
@Tag("docker")
class BackupRepositoryJobTest {
    private static final String PASSWORD = "correct horse battery staple, twice over";

    @TempDir
    Path root;
    private Path stack;

    @BeforeEach
    void setUp() {
        new ResticImages(root).restic();
        stack = root.resolve("stack");
    }

    @AfterEach
    void tearDown() {
        // restic wrote the repository and its cache as root inside its container.
        ExternalTool.run(root, List.of("chmod", "-R", "u+rwX", root.toString()));
    }

    @Test
    void makesTheRepositoryOnceThenFindsIt() throws Exception {
        Files.createDirectories(root.resolve("disk"));
        BackupPlan backup = BackupStackFiles.plan(stack, root.resolve("disk/berth").toString(), BackupAnswers.Scheduler.CONTAINER);
        BackupStackFiles.write(stack, "berthrepo", backup, PASSWORD);

        BackupSetup first = run(new BackupRepositoryJob(backup, stack.toString(), Optional.of(PASSWORD), Optional.empty()));
        assertEquals(new BackupSetup(root.resolve("disk/berth").toString(), "daily at 03:30 by the backup container", true, "",
                Optional.of(PASSWORD), Optional.empty()), first);
        assertTrue(Files.exists(root.resolve("disk/berth/config")), "restic made the repository");

        BackupSetup second = run(new BackupRepositoryJob(backup, stack.toString(), Optional.empty(), Optional.empty()));
        assertTrue(second.ready(), second.message());
        assertEquals(Optional.empty(), second.newPassword());
    }

    @Test
    void aRepositoryThatCannotBeMadeIsSaidWithWhatToDo() throws Exception {
        String unplugged = root.resolve("unplugged/berth").toString();
        BackupPlan backup = BackupStackFiles.plan(stack, unplugged, BackupAnswers.Scheduler.SYSTEMD);
        BackupStackFiles.write(stack, "berthrepo", backup, PASSWORD);

        BackupSetup setup = run(new BackupRepositoryJob(backup, stack.toString(), Optional.of(PASSWORD), Optional.empty()));
        assertFalse(setup.ready());
        assertEquals("daily at 03:30 by a systemd timer", setup.schedule());
        assertEquals("The backup repository " + unplugged + " could not be opened: the folder " + root.resolve("unplugged")
                + " does not exist on this server: mount the backup disk there or create the folder. The stack runs;"
                + " backups fail until the repository opens: once this is fixed, run 'sh " + stack + "/backup/berth-backup init' on the"
                + " server (a deploy that changes something runs it too).", setup.message());
        assertEquals(Optional.of(PASSWORD), setup.newPassword(), "the password is still shown once: it is in the stack folder");
    }

    @Test
    void aWrongPasswordIsSaid() throws Exception {
        Files.createDirectories(root.resolve("disk"));
        BackupPlan backup = BackupStackFiles.plan(stack, root.resolve("disk/berth").toString(), BackupAnswers.Scheduler.CONTAINER);
        BackupStackFiles.write(stack, "berthrepo", backup, PASSWORD);
        assertTrue(run(new BackupRepositoryJob(backup, stack.toString(), Optional.empty(), Optional.empty())).ready());
        BackupStackFiles.write(stack, "berthrepo", backup, "another stack's password");

        BackupSetup setup = run(new BackupRepositoryJob(backup, stack.toString(), Optional.empty(), Optional.empty()));
        assertFalse(setup.ready());
        assertTrue(setup.message().contains("wrong password"), setup.message());
    }

    /** Runs the job on this computer and gives what it recorded. */
    static BackupSetup run(BackupRepositoryJob job) throws Exception {
        try (LocalTarget target = new LocalTarget()) {
            JobContext context = new JobContext(target, DeployFixtures.CLOCK);
            job.execute(context);
            return context.outcomes().get(BackupRepositoryJob.SETUP).orElseThrow();
        }
    }
}

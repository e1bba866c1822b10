package dev.berth.engine.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.answers.Answers;
import dev.berth.engine.deploy.BackupJob;
import dev.berth.engine.deploy.CreateDataDirectoriesJob;
import dev.berth.engine.deploy.Deployment;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.deploy.Job;
import dev.berth.engine.deploy.JobContext;
import dev.berth.engine.deploy.WriteFilesJob;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedStack;
import dev.berth.testsupport.ExternalTool;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jobs on this computer: backup, write, data folders, and rollback through them. */
class StackJobsTest {
    @TempDir
    Path tmp;
    private final LocalTarget target = new LocalTarget();
    private final JobContext ctx = new JobContext(target, StackFixtures.CLOCK);

    private static final Job FAILS = new Job() {
        @Override
        public String description() {
            return "Start the containers (fails in this test)";
        }

        @Override
        public void execute(JobContext context) {
            throw new IllegalStateException("compose up failed");
        }

        @Override
        public void undo(JobContext context) {
        }
    };

    /** The jobs of a re-deploy from the stack on disk to {@code next}, with {@code last} at the end. */
    private static List<Job> redeploy(LocalTarget target, Answers next, Job last) throws Exception {
        StackState loaded = StackState.loadForDeploy(target, StackFixtures.stackDir(next), List.of(), false);
        StackPlan plan = StackFixtures.plan(next, loaded.secrets());
        RenderedStack stack = StackFixtures.render(plan);
        StackState state = loaded.withFiles(target, stack.files().keySet());
        List<Job> jobs = new java.util.ArrayList<>(List.of(new BackupJob(state), new WriteFilesJob(state, stack, Optional.empty()),
                new CreateDataDirectoriesJob(plan, Optional.empty())));
        if (last != null) {
            jobs.add(last);
        }
        return jobs;
    }

    @Test
    void aLaterFailureRestoresTheOldFilesByteForByteAndLeavesNoNewFile() throws Exception {
        Answers old = StackFixtures.answers("minimal-jellyfin", tmp);
        StackFixtures.deployFirst(target, old.withServices(List.of("jellyfin", "sonarr")));
        Path dir = Path.of(StackFixtures.stackDir(old));
        Map<String, String> before = StackFixtures.snapshot(dir);

        List<Job> jobs = redeploy(target, StackFixtures.answers("full-wireguard", tmp), FAILS);
        DeploymentResult r = new Deployment(jobs).run(ctx);
        DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, r);
        assertEquals("compose up failed", rb.cause().getMessage());
        assertTrue(rb.undoErrors().isEmpty(), rb.undoErrors().toString());
        assertEquals(before, StackFixtures.snapshot(dir), "every old file as it was (content and mode), no new file");
        assertTrue(Files.isDirectory(tmp.resolve("data/media")), "data folders are never removed");
        assertTrue(Files.isDirectory(dir.resolve(".berth/backups/20261122T101500Z")), "the backup stays");
    }

    @Test
    void backupsLandInATimestampedFolderWithTheOldContent() throws Exception {
        Answers old = StackFixtures.answers("minimal-jellyfin", tmp).withServices(List.of("jellyfin", "sonarr"));
        RenderedStack stack = StackFixtures.deployFirst(target, old);
        StackState state = StackState.loadForDeploy(target, StackFixtures.stackDir(old), stack.files().keySet(), false);
        BackupJob job = new BackupJob(state);
        job.execute(ctx);
        Path backup = Path.of(StackFixtures.stackDir(old), ".berth/backups/20261122T101500Z");
        assertEquals(Optional.of(backup.toString()), ctx.outcomes().get(BackupJob.FOLDER));
        for (String path : stack.files().keySet()) {
            assertArrayEquals(stack.file(path).content(), Files.readAllBytes(backup.resolve(path)), path);
            if (stack.file(path).secret()) {
                assertEquals(0600, (Integer) Files.getAttribute(backup.resolve(path), "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0777);
            }
        }
        job.undo(ctx);
        assertTrue(Files.exists(backup.resolve("compose.yaml")), "undo keeps the backup");
        BackupJob again = new BackupJob(state);
        JobContext second = new JobContext(target, StackFixtures.CLOCK);
        again.execute(second);
        assertEquals(Optional.of(backup + "-2"), second.outcomes().get(BackupJob.FOLDER), "a second backup in the same second does not mix");
        assertEquals("Nothing to back up: the stack is new",
                new BackupJob(StackState.load(target, tmp.resolve("new").toString(), List.of())).description());
    }

    @Test
    void dataAndConfigFoldersAreCreatedAndNeverRemoved() throws Exception {
        Answers answers = StackFixtures.answers("full-wireguard", tmp);
        StackPlan plan = StackFixtures.plan(answers, Map.of());
        CreateDataDirectoriesJob job = new CreateDataDirectoriesJob(plan, Optional.empty());
        job.execute(ctx);
        for (String d : plan.dataDirectories()) {
            assertTrue(Files.isDirectory(tmp.resolve("data").resolve(d)), d);
        }
        assertTrue(Files.isDirectory(tmp.resolve("stack/config/sonarr")));
        job.undo(ctx);
        assertTrue(Files.isDirectory(tmp.resolve("data/media/tv")));
        assertTrue(job.description().endsWith("(kept if the deploy is undone: Berth never deletes data or config folders)"));
    }

    @Test
    void asRootFilesAndNewFoldersGoToPuidPgidButExistingFoldersKeepTheirOwner() throws Exception {
        requireRoot();
        Answers answers = StackFixtures.answers("minimal-jellyfin", tmp);
        Files.createDirectories(tmp.resolve("data"));
        StackPlan plan = StackFixtures.plan(answers, Map.of());
        RenderedStack stack = StackFixtures.render(plan);
        StackState state = StackState.loadForDeploy(target, StackFixtures.stackDir(answers), stack.files().keySet(), false);
        Owner owner = new Owner(4321, 4322);
        new WriteFilesJob(state, stack, Optional.of(owner)).execute(ctx);
        new CreateDataDirectoriesJob(plan, Optional.of(owner)).execute(ctx);
        assertEquals(4321, Files.getAttribute(tmp.resolve("stack/compose.yaml"), "unix:uid"));
        assertEquals(4322, Files.getAttribute(tmp.resolve("stack/compose.yaml"), "unix:gid"));
        assertEquals(4321, Files.getAttribute(tmp.resolve("data/media"), "unix:uid"));
        assertEquals(0, Files.getAttribute(tmp.resolve("data"), "unix:uid"), "a folder that was there keeps its owner");
    }

    @Test
    void aFullDiskFailsWithAClearMessageAndLeavesTheOldFiles() throws Exception {
        requireRoot();
        ExternalTool.require("mount", "apt-get install mount");
        Path mnt = Files.createDirectories(tmp.resolve("small"));
        ExternalTool.Result mount = ExternalTool.run(tmp, List.of("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt.toString()));
        assertEquals(0, mount.exitCode(), mount.output());
        try {
            Answers old = StackFixtures.answers("minimal-jellyfin", mnt);
            StackFixtures.deployFirst(target, old);
            Path dir = Path.of(StackFixtures.stackDir(old));
            Map<String, String> before = StackFixtures.snapshot(dir);
            // Data folders elsewhere: this test is about the stack folder filling up.
            Answers next = StackFixtures.answers("full-wireguard", mnt).withStorage(withDataRoot(StackFixtures.answers("full-wireguard", mnt), tmp));
            List<Job> jobs = redeploy(target, next, null);
            DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, new Deployment(jobs).run(ctx));
            assertInstanceOf(WriteFilesJob.class, rb.failedJob());
            TargetException cause = assertInstanceOf(TargetException.class, rb.cause());
            assertTrue(cause.getMessage().contains(": the disk is full. Free some space on that disk and try again."), cause.getMessage());
            assertTrue(rb.undoErrors().isEmpty(), rb.undoErrors().toString());
            assertEquals(before, StackFixtures.snapshot(dir), "the old files, intact");
        } finally {
            ExternalTool.run(tmp, List.of("umount", mnt.toString()));
        }
    }

    private static dev.berth.answers.StorageAnswers withDataRoot(Answers a, Path root) {
        var s = a.storage();
        return new dev.berth.answers.StorageAnswers(s.stackDir(), root.resolve("data").toString(), root.resolve("config").toString(),
                s.puid(), s.pgid(), s.timeZone(), s.hardwareTranscoding());
    }

    /** Mounting and chown need root: skipped elsewhere, failed under CI (which runs as root). */
    private static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            String reason = "this test mounts a tmpfs or changes owners, which needs root";
            if (ExternalTool.underCi()) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
    }
}

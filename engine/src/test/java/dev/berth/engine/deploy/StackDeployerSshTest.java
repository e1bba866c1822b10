package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.TestSshd;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenarios 2 and 6 over a real sshd to a test user on 127.0.0.1: a small stack deployed, then the
 * full example, whose file writing is cut by dropping the SSH connection (the old files stay
 * whole and the old stack keeps running), then the full example again, which completes.
 */
@NeedsDocker
class StackDeployerSshTest extends SshdTestBase {
    private final LocalTarget local = new LocalTarget();
    private String project;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        dev.berth.engine.RequiresDocker.engine();
        project = DeployFixtures.project();
        root = sshd.scratch();
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(local, project);
        local.close();
    }

    private int uid() throws Exception {
        return (Integer) Files.getAttribute(root, "unix:uid");
    }

    private Answers minimal() throws Exception {
        Answers a = DeployFixtures.answers("minimal-jellyfin", root, project);
        StorageAnswers s = a.storage();
        a = a.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), s.configRoot(), uid(), uid(), s.timeZone(), false));
        new StandInImages(tmp).build(DeployFixtures.plan(a).services().stream().map(PlannedService::definition).toList());
        return a;
    }

    private SshTarget connect() throws Exception {
        return SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
    }

    @Test
    void deploysOverSshAndACutWhileWritingLeavesTheOldFilesWhole() throws Exception {
        Answers small = minimal();
        try (SshTarget ssh = connect()) {
            StackDeployer deployer = new StackDeployer(ssh, Catalog.builtIn(), DeployFixtures.CLOCK);
            Recorded progress = new Recorded();
            DeployOutcome first = deployer.deploy(deployer.preview(small, FullStack.options()), progress, () -> false);
            assertTrue(first.succeeded(), first::toString);
        }
        Map<String, byte[]> oldFiles = files(root.resolve("stack"));
        Map<String, String> oldContainers = DeployFixtures.containerIds(local, project);

        Answers full = FullStack.answers(tmp, project, uid(), uid());
        full = new Answers(full.schemaVersion(), project, full.target(), small.storage(), full.services(), full.vpn(),
                full.access(), full.monitoring(), full.media(), full.portOverrides());
        AtomicBoolean sawStaging = new AtomicBoolean();
        DeployOutcome cut;
        try (SshTarget ssh = connect()) {
            StackDeployer deployer = new StackDeployer(ssh, Catalog.builtIn(), DeployFixtures.CLOCK);
            Recorded progress = new Recorded();
            DeployPreview preview = deployer.preview(full, FullStack.options());
            cut = deployer.deploy(preview, p -> {
                progress.accept(p);
                if (p instanceof DeployProgress.Step(DeploymentEvent.Started s) && s.job() instanceof WriteFilesJob) {
                    Thread.ofPlatform().daemon().start(() -> dropWhenStagingStarts(sawStaging));
                }
            }, () -> false);
        }
        DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, cut.result(), cut::toString);
        assertInstanceOf(WriteFilesJob.class, rb.failedJob(), rb::toString);
        assertTrue(sawStaging.get(), "the connection was cut while files were being written");
        Map<String, byte[]> afterCut = files(root.resolve("stack"));
        for (Map.Entry<String, byte[]> e : oldFiles.entrySet()) {
            assertArrayEquals(e.getValue(), afterCut.get(e.getKey()), e.getKey() + " is the complete old file");
        }
        assertEquals(oldContainers, DeployFixtures.containerIds(local, project), "the old stack still runs");

        try (SshTarget ssh = connect()) {
            StackDeployer deployer = new StackDeployer(ssh, Catalog.builtIn(), DeployFixtures.CLOCK);
            Recorded progress = new Recorded();
            DeployPreview preview = deployer.preview(full, FullStack.options());
            long start = System.nanoTime();
            DeployOutcome done = deployer.deploy(preview, progress, () -> false);
            assertTrue(done.succeeded(), done::toString);
            assertTrue(done.report().orElseThrow().ok(), done.report()::toString);
            assertEquals(preview.plan().services().size(), DeployFixtures.containerIds(local, project).size());
            progress.assertNoSecretIn(root, preview.plan().secrets(), done.toString(), cut.toString());
            System.out.println("[timing] StackDeployer full stack over SSH (" + preview.plan().services().size()
                    + " services): " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
    }

    /** Waits for the first staged (hidden *.berth-tmp) file in the stack folder, then ends every SSH session. */
    private void dropWhenStagingStarts(AtomicBoolean saw) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Stream<Path> walk = Files.walk(root.resolve("stack"))) {
                if (walk.anyMatch(p -> p.getFileName().toString().endsWith(".berth-tmp"))) {
                    sshd.dropConnections();
                    saw.set(true);
                    return;
                }
            } catch (java.io.IOException | java.io.UncheckedIOException raced) {
                // A file vanished while walking (renamed or removed): look again.
            }
        }
    }

    private static Map<String, byte[]> files(Path dir) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                if (!rel.startsWith(".berth/")) { // the log and backups are Berth's own record, not the stack
                    out.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }
}

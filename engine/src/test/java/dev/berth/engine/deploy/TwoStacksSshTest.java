package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.check.CheckData;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Status;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TwoStacksTest} over a real sshd to a test user on 127.0.0.1: the labels are read through
 * Docker over dial-stdio and the folders through SFTP. Stack A runs from one folder; the check
 * over SSH PASSes for A and FAILs for B (another folder, the same name) naming A's folder; B's
 * deploy over SSH stops at the preflight with A untouched, and with the offered name B deploys.
 */
@NeedsDocker
class TwoStacksSshTest extends SshdTestBase {
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
        DeployFixtures.removeProject(local, TwoStacksTest.FREE_NAME);
        local.close();
    }

    /** The minimal example under {@code dir}, owned by the SSH test user, as it deploys over SSH. */
    private Answers minimal(Path dir, String stackFolder) throws Exception {
        int uid = (Integer) Files.getAttribute(root, "unix:uid");
        Answers a = DeployFixtures.answers("minimal-jellyfin", dir, project);
        StorageAnswers s = a.storage();
        a = a.withStorage(new StorageAnswers(dir.resolve(stackFolder).toString(), s.dataRoot(), s.configRoot(), uid, uid,
                s.timeZone(), false));
        new StandInImages(tmp).build(DeployFixtures.plan(a).services().stream().map(PlannedService::definition).toList());
        return a;
    }

    private SshTarget connect() throws Exception {
        return SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
    }

    @Test
    void overSshTheCheckNamesTheOtherFolderAndTheDeployStopsBeforeAnyChange() throws Exception {
        Answers a = minimal(root.resolve("a"), "stack");
        String folderA = a.storage().stackDir();
        Answers b = minimal(root.resolve("b"), "mo");
        Path folderB = Path.of(b.storage().stackDir());
        DeployOptions options = DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(60))
                .withLocalLogFolder(tmp.resolve("berth-settings/deploy-logs"));
        try (SshTarget ssh = connect()) {
            StackDeployer deployer = new StackDeployer(ssh, Catalog.builtIn(), DeployFixtures.CLOCK);
            Recorded progress = new Recorded();
            DeployOutcome first = deployer.deploy(deployer.preview(a, options), progress, () -> false);
            assertTrue(first.succeeded(), first::toString);
        }
        Map<String, String> idsA = DeployFixtures.containerIds(local, project);
        assertFalse(idsA.isEmpty());

        try (SshTarget ssh = connect()) {
            CheckResult again = TwoStacksTest.check(ssh, DeployFixtures.plan(a));
            assertEquals(Status.PASS, again.status(), again::toString);

            StackPlan planB = DeployFixtures.plan(b);
            CheckResult clash = TwoStacksTest.check(ssh, planB);
            assertEquals(Status.FAIL, clash.status(), clash::toString);
            assertTrue(clash.summary().contains("is taken by the stack in " + folderA), clash.summary());
            assertTrue(clash.fix().contains("projectName: " + TwoStacksTest.FREE_NAME), clash.fix());
            assertEquals(TwoStacksTest.FREE_NAME, clash.data(CheckData.ProjectNames.class).orElseThrow().freeName());

            StackDeployer deployer = new StackDeployer(ssh, Catalog.builtIn(), DeployFixtures.CLOCK);
            Recorded progress = new Recorded();
            DeployOutcome refused = deployer.deploy(deployer.preview(b, options), progress, () -> false);
            var rb = assertInstanceOf(DeploymentResult.RolledBack.class, refused.result(), refused::toString);
            assertInstanceOf(PreflightJob.class, rb.failedJob());
            assertTrue(rb.cause().getMessage().contains(folderA), rb.cause().getMessage());
        }
        assertFalse(Files.exists(folderB.resolve("compose.yaml")), "nothing written for B");
        assertEquals(idsA, DeployFixtures.containerIds(local, project), "A untouched");

        // The refused deploy left nothing of Berth's in B's folder, so the retry is not blocked by it.
        assertFalse(Files.exists(folderB.resolve(".berth")), "nothing of Berth's left in B's folder");
        Answers renamed = TwoStacksTest.inFolder(b, folderB, TwoStacksTest.FREE_NAME);
        try (SshTarget ssh = connect()) {
            StackDeployer deployer = new StackDeployer(ssh, Catalog.builtIn(), DeployFixtures.CLOCK);
            Recorded progress = new Recorded();
            DeployOutcome done = deployer.deploy(deployer.preview(renamed, options), progress, () -> false);
            assertTrue(done.succeeded(), done::toString);
        }
        assertFalse(DeployFixtures.containerIds(local, TwoStacksTest.FREE_NAME).isEmpty());
        assertEquals(idsA, DeployFixtures.containerIds(local, project), "A untouched");
    }
}

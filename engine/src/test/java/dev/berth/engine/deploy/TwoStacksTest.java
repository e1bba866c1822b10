package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.check.CheckData;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.CheckRunner;
import dev.berth.engine.check.ProjectNameCheck;
import dev.berth.engine.check.Status;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.Target;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #10, point 8: stack A runs from one folder; stack B, from another folder, is given the
 * same Compose project name. The check FAILs naming A's folder and offering a free name, the
 * deploy stops before any change (and, with the checks skipped, the deployer still refuses before
 * Compose runs), A's containers are the same ones throughout, and with the offered name B comes
 * up beside A. A is started by each Compose this machine has, since the check reads the labels
 * each of them writes.
 */
@NeedsDocker
class TwoStacksTest {
    static final String FREE_NAME = "berth-mo";

    @TempDir
    Path tmp;
    private final LocalTarget target = new LocalTarget();
    private String project;

    static ComposeTool[] composes() {
        return new ComposeTool[] {ComposeTool.PLUGIN, ComposeTool.STANDALONE_V1};
    }

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = DeployFixtures.project();
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(target, project);
        DeployFixtures.removeProject(target, FREE_NAME);
        target.close();
    }

    /** Answers like {@code base} with the stack folder moved to {@code stackDir} and, optionally, another name. */
    static Answers inFolder(Answers base, Path stackDir, String projectName) {
        StorageAnswers s = base.storage();
        return new Answers(base.schemaVersion(), projectName, base.target(), new StorageAnswers(stackDir.toString(),
                s.dataRoot(), s.configRoot(), s.puid(), s.pgid(), s.timeZone(), s.hardwareTranscoding()), base.services(),
                base.vpn(), base.access(), base.monitoring(), base.media(), base.portOverrides());
    }

    static CheckResult check(Target target, StackPlan plan) throws InterruptedException {
        try (CheckRunner runner = new CheckRunner(target, List.of(new ProjectNameCheck()))) {
            return runner.run(plan, r -> { }).getFirst();
        }
    }

    @ParameterizedTest
    @MethodSource("composes")
    void aSecondStackWithTheSameNameIsStoppedBeforeItTouchesTheFirst(ComposeTool compose) throws Exception {
        StackPlan a = DeployFixtures.minimalWithStandIns(Files.createDirectories(tmp.resolve("a")), project);
        String folderA = a.answers().storage().stackDir();
        assertInstanceOf(DeploymentResult.Succeeded.class, DeployFixtures.deploy(target, a, compose));
        Map<String, String> idsA = DeployFixtures.containerIds(target, project);
        assertFalse(idsA.isEmpty());

        CheckResult again = check(target, a);
        assertEquals(Status.PASS, again.status(), again::toString);
        assertTrue(again.summary().contains("this stack's own name") && again.summary().contains(folderA), again.summary());

        Path folderB = tmp.resolve("b/mo");
        Answers b = inFolder(DeployFixtures.answers("minimal-jellyfin", tmp.resolve("b"), project), folderB, project);
        CheckResult clash = check(target, DeployFixtures.plan(b));
        assertEquals(Status.FAIL, clash.status(), clash::toString);
        assertTrue(clash.summary().contains("'" + project + "' is taken by the stack in " + folderA), clash.summary());
        assertTrue(clash.fix().contains("projectName: " + FREE_NAME), clash.fix());
        assertEquals(FREE_NAME, clash.data(CheckData.ProjectNames.class).orElseThrow().freeName());

        // Without the checks (a job list with no preflight), the deployer itself refuses before Compose runs.
        var unchecked = assertInstanceOf(DeploymentResult.RolledBack.class,
                DeployFixtures.deploy(target, DeployFixtures.plan(b), compose));
        assertInstanceOf(RestorePreviousStackJob.class, unchecked.failedJob());
        assertTrue(unchecked.cause().getMessage().contains(folderA), unchecked.cause().getMessage());
        assertFalse(Files.exists(folderB.resolve("compose.yaml")), "nothing written for B");
        assertEquals(idsA, DeployFixtures.containerIds(target, project), "A untouched");

        // The whole deploy: the preflight's check stops it before anything changes.
        Recorded progress = new Recorded();
        DeployOptions options = DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(60))
                .withLocalLogFolder(tmp.resolve("berth-settings/deploy-logs"));
        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);
        DeployOutcome refused = deployer.deploy(deployer.preview(b, options), progress, () -> false);
        var rb = assertInstanceOf(DeploymentResult.RolledBack.class, refused.result(), refused::toString);
        assertInstanceOf(PreflightJob.class, rb.failedJob());
        assertTrue(rb.cause().getMessage().contains(folderA), rb.cause().getMessage());
        assertFalse(Files.exists(folderB.resolve("compose.yaml")), "nothing written for B");
        assertEquals(idsA, DeployFixtures.containerIds(target, project), "A untouched");

        // The refused deploy left nothing of Berth's in B's folder, so the retry is not blocked by it.
        assertFalse(Files.exists(folderB.resolve(".berth")), "nothing of Berth's left in B's folder");
        // With the offered name, B comes up beside A.
        Answers renamed = inFolder(b, folderB, FREE_NAME);
        DeployOutcome done = deployer.deploy(deployer.preview(renamed, options), progress, () -> false);
        assertTrue(done.succeeded(), done::toString);
        assertFalse(DeployFixtures.containerIds(target, FREE_NAME).isEmpty());
        assertEquals(idsA, DeployFixtures.containerIds(target, project), "A untouched");
        for (var c : StackContainers.of(target, project)) {
            assertEquals("running", c.getState(), c.getNames()[0]);
        }
    }
}

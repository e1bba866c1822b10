package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.stack.FileChange;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole deploy through {@link StackDeployer}, against the real engine with stand-in images:
 * re-deploys that recreate nothing, a change that recreates one service and keeps every secret,
 * a service that never turns healthy rolled back to the stack before it, and a folder Berth did
 * not make. Every test also scans what the person would see and the log for secret values.
 */
@NeedsDocker
class StackDeployerTest {
    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private String project;
    private final Recorded progress = new Recorded();

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = DeployFixtures.project();
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(target, project);
        target.close();
    }

    private Answers twoApps() {
        Answers base = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr"));
        Answers a = DeployFixtures.answers(base, root, project);
        new StandInImages(root).build(DeployFixtures.plan(a).services().stream().map(PlannedService::definition).toList());
        return a;
    }

    private DeployOutcome deploy(Answers answers) throws Exception {
        return deploy(answers, DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(60)));
    }

    private DeployOutcome deploy(Answers answers, DeployOptions options) throws Exception {
        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);
        DeployPreview preview = deployer.preview(answers, options);
        return deployer.deploy(preview, progress, () -> false);
    }

    @Test
    void aFreshDeployComesUpAndAnUnchangedOneRecreatesNothing() throws Exception {
        Answers answers = twoApps();
        DeployOutcome first = deploy(answers);
        assertTrue(first.succeeded(), first::toString);
        // The listener is given to deploy only (the preview has none), and every job's progress reaches it.
        for (var kind : List.of(DeployProgress.Step.class, DeployProgress.Checked.class, DeployProgress.Pull.class,
                DeployProgress.Health.class)) {
            assertTrue(progress.saw(kind), () -> kind.getSimpleName() + " missing in " + progress.lines());
        }
        DeployReport report = first.report().orElseThrow();
        assertTrue(report.ok(), report::toString);
        List<String> planned = DeployFixtures.plan(answers).services().stream().map(PlannedService::name).toList();
        assertTrue(planned.containsAll(List.of("jellyfin", "sonarr")), planned::toString);
        assertEquals(planned, report.services().stream().map(DeployReport.ServiceReport::service).toList());
        int jellyfinPort = answers.portOverrides().get("jellyfin");
        assertEquals("http://localhost:" + jellyfinPort + "/", report.service("jellyfin").orElseThrow().url());
        // Up as soon as its page answers: Docker's first check (30 s) may still be pending.
        assertTrue(report.service("jellyfin").orElseThrow().up(), report::toString);
        Map<String, String> ids = DeployFixtures.containerIds(target, project);
        assertEquals(planned.size(), ids.size(), ids::toString);

        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);
        DeployPreview again = deployer.preview(answers, DeployOptions.DEFAULT.withOffline(true));
        assertTrue(again.diff().isEmpty(), again.diff().render());
        DeployOutcome second = deployer.deploy(again, progress, () -> false);
        assertTrue(second.succeeded(), second::toString);
        assertEquals(ids, DeployFixtures.containerIds(target, project), "no container recreated");

        String log = Files.readString(root.resolve("stack/.berth/deploy.log"));
        // The second found nothing to change, so it wrote nothing, not even a log line (NothingToChangeTest).
        assertEquals(1, log.lines().filter(l -> l.contains("result: succeeded")).count(), log);
        assertTrue(log.contains("compose.yaml: new"), log);
        progress.assertNoSecretIn(root, deployer.preview(answers, DeployOptions.DEFAULT).plan().secrets(), log,
                first.toString(), second.toString());
    }

    @Test
    void changingOneServiceRecreatesOnlyItAndKeepsEverySecret() throws Exception {
        Answers answers = twoApps();
        assertTrue(deploy(answers).succeeded());
        Map<String, String> before = DeployFixtures.containerIds(target, project);
        Map<String, byte[]> secrets = secretFiles();
        assertFalse(secrets.isEmpty());

        Map<String, Integer> ports = new java.util.TreeMap<>(answers.portOverrides());
        ports.put("sonarr", DeployFixtures.freePort());
        Answers changed = answers.withPortOverrides(ports);
        DeployPreview preview = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK)
                .preview(changed, DeployOptions.DEFAULT.withOffline(true));
        List<String> changedFiles = preview.diff().changed().stream()
                .filter(c -> !(c instanceof FileChange.NoLongerGenerated)).map(FileChange::path).toList();
        assertTrue(changedFiles.contains("compose.yaml"), changedFiles::toString);
        assertTrue(preview.diff().render().contains("+      - " + ports.get("sonarr") + ":8989")
                || preview.diff().render().contains(String.valueOf(ports.get("sonarr"))), preview.diff().render());

        DeployOutcome outcome = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK)
                .deploy(preview, progress, () -> false);
        assertTrue(outcome.succeeded(), outcome::toString);
        Map<String, String> after = DeployFixtures.containerIds(target, project);
        assertEquals(before.get("jellyfin"), after.get("jellyfin"), "jellyfin untouched");
        assertNotEquals(before.get("sonarr"), after.get("sonarr"), "sonarr recreated");
        Map<String, byte[]> secretsAfter = secretFiles();
        assertEquals(secrets.keySet(), secretsAfter.keySet());
        secrets.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, secretsAfter.get(name)), name + " changed"));
        assertTrue(outcome.backupDir().isPresent(), "previous files backed up");
        assertTrue(Files.isRegularFile(Path.of(outcome.backupDir().get(), "compose.yaml")));
    }

    @Test
    void aServiceThatNeverTurnsHealthyRollsBackToThePreviousStackWithItsLogInTheReport() throws Exception {
        Answers answers = twoApps();
        assertTrue(deploy(answers).succeeded());
        Map<String, String> before = DeployFixtures.containerIds(target, project);
        byte[] composeBefore = Files.readAllBytes(root.resolve("stack/compose.yaml"));
        byte[] envBefore = Files.readAllBytes(root.resolve("stack/.env"));

        Answers withRadarr = answers.withServices(List.of("jellyfin", "sonarr", "radarr"));
        Map<String, Integer> ports = new java.util.TreeMap<>(answers.portOverrides());
        ports.put("radarr", DeployFixtures.freePort());
        withRadarr = withRadarr.withPortOverrides(ports);
        var radarr = Catalog.builtIn().get("radarr");
        StandInImages images = new StandInImages(root);
        images.buildFailing(radarr, StandInImages.Failure.NEVER_HEALTHY, radarr.image().reference());
        DeployOutcome outcome;
        try {
            outcome = deploy(withRadarr, DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(20)));
        } finally {
            images.build(radarr); // the catalog tag back to the working stand-in, for other tests
        }

        DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, outcome.result(), outcome::toString);
        assertInstanceOf(AwaitHealthJob.class, rb.failedJob());
        assertTrue(rb.undoErrors().isEmpty(), rb.undoErrors()::toString);
        DeployReport.ServiceReport r = outcome.report().orElseThrow().service("radarr").orElseThrow();
        assertFalse(r.up());
        assertTrue(r.logTail().stream().anyMatch(l -> l.contains("never healthy")), r.logTail()::toString);

        assertEquals(before, DeployFixtures.containerIds(target, project), "the previous stack, as it was");
        assertTrue(java.util.Arrays.equals(composeBefore, Files.readAllBytes(root.resolve("stack/compose.yaml"))));
        assertTrue(java.util.Arrays.equals(envBefore, Files.readAllBytes(root.resolve("stack/.env"))));
        for (var c : StackContainers.of(target, project)) {
            assertEquals("running", c.getState(), c.getNames()[0]);
        }
        String log = Files.readString(root.resolve("stack/.berth/deploy.log"));
        assertTrue(log.contains("result: rolled back"), log);
    }

    @Test
    void aFolderBerthDidNotMakeIsLeftAloneUnlessAdopted() throws Exception {
        Answers answers = twoApps();
        Path stack = Files.createDirectories(root.resolve("stack"));
        Files.writeString(stack.resolve("compose.yaml"), "services: {} # mine\n");
        // The person's folder belongs to the stack's user, as the preflight's folder check asks.
        dev.berth.testsupport.ExternalTool.run(root, List.of("chown", "-R", "1000:1000", stack.toString()));
        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);

        var refused = assertThrows(StackState.ForeignStackException.class,
                () -> deployer.preview(answers, DeployOptions.DEFAULT.withOffline(true)));
        assertTrue(refused.getMessage().contains("--adopt"), refused.getMessage());
        assertEquals("services: {} # mine\n", Files.readString(stack.resolve("compose.yaml")));

        DeployOutcome adopted = deploy(answers, DeployOptions.DEFAULT.withOffline(true).withAdopt(true));
        assertTrue(adopted.succeeded(), adopted::toString);
        Path backup = Path.of(adopted.backupDir().orElseThrow());
        assertEquals("services: {} # mine\n", Files.readString(backup.resolve("compose.yaml")));
        assertTrue(Files.isRegularFile(stack.resolve("berth.yaml")));
    }

    private Map<String, byte[]> secretFiles() throws Exception {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        try (var s = Files.list(root.resolve("stack/secrets"))) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}

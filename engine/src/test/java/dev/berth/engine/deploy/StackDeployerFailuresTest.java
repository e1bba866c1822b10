package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.CheckRunner;
import dev.berth.engine.check.DevicesCheck;
import dev.berth.engine.check.HidingTarget;
import dev.berth.engine.check.PathsCheck;
import dev.berth.engine.check.Status;
import dev.berth.engine.health.ServiceState;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.Target;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys that fail, against the real engine with stand-in images, and what they leave: a first
 * install stopped by its check leaves no stack folder (its log is kept on this computer) and the
 * retry's folder check passes; hardware transcoding without {@code /dev/dri} stops at the check,
 * as the deploy would fail; and a dependency that never turns healthy makes {@code compose up}
 * fail, with its last log lines kept in the report and the deploy log before the rollback
 * removes its container.
 */
@NeedsDocker
class StackDeployerFailuresTest {
    @TempDir
    Path root;
    private final LocalTarget local = new LocalTarget();
    private String project;
    private final Recorded progress = new Recorded();
    private DeployPreview lastPreview;

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = DeployFixtures.project();
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(local, project);
        local.close();
    }

    private Path stack() {
        return root.resolve("stack");
    }

    private DeployOptions options() {
        return DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(60))
                .withLocalLogFolder(root.resolve("berth-settings/deploy-logs"));
    }

    private DeployOutcome deploy(Target target, Answers answers) throws Exception {
        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);
        lastPreview = deployer.preview(answers, options());
        return deployer.deploy(lastPreview, progress, () -> false);
    }

    private Answers jellyfin() {
        Answers a = DeployFixtures.answers(Examples.answers("minimal-jellyfin"), root, project);
        new StandInImages(root).build(DeployFixtures.plan(a).services().stream().map(PlannedService::definition).toList());
        return a;
    }

    @Test
    void aFirstInstallStoppedByItsCheckLeavesNoFolderAndTheRetryPassesTheFolderCheck() throws Exception {
        Answers answers = jellyfin();
        assertEquals(1000, answers.storage().puid());
        int port = answers.portOverrides().get("jellyfin");
        DeployOutcome stopped;
        // Another program holds Jellyfin's port: the ports check FAILs, so the deploy stops before any change.
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            stopped = deploy(local, answers);
        }
        DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, stopped.result(), stopped::toString);
        assertInstanceOf(PreflightJob.class, rb.failedJob());
        assertFalse(Files.exists(stack()), "nothing of the stack folder, not even .berth/, is left");
        assertFalse(Files.exists(root.resolve("data")), "nor the data root");

        DeployLogFile log = stopped.log().orElseThrow();
        assertFalse(log.inStackFolder());
        Path logFile = Path.of(log.path());
        assertTrue(logFile.startsWith(root.resolve("berth-settings/deploy-logs")), log::path);
        assertEquals("this computer", log.machine());
        assertTrue(log.sentence().contains("kept on this computer: " + logFile), log.sentence());
        String text = Files.readString(logFile);
        assertTrue(text.contains("FAILED: The target is not ready, so nothing was changed"), text);
        assertTrue(text.contains("Port " + port), text);
        assertTrue(text.contains("result: rolled back"), text);

        // The retry, with the port free again: its own folder check passes, and the deploy goes through.
        DeployOutcome retry = deploy(local, answers);
        assertTrue(retry.succeeded(), retry::toString);
        assertTrue(retry.log().orElseThrow().inStackFolder());
        assertEquals(stack().resolve(".berth/deploy.log").toString(), retry.log().orElseThrow().path());
        // Berth made the stack folder as root for PUID:PGID 1000:1000: they are theirs, .berth/ too.
        for (Path made : List.of(stack(), stack().resolve(".berth"))) {
            assertEquals(1000, Files.getAttribute(made, "unix:uid"), made::toString);
            assertEquals(1000, Files.getAttribute(made, "unix:gid"), made::toString);
        }
        StackPlan plan = DeployFixtures.plan(answers);
        try (CheckRunner runner = new CheckRunner(local, List.of(new PathsCheck()))) {
            CheckResult paths = runner.run(plan, r -> { }).getFirst();
            assertEquals(Status.PASS, paths.status(), paths.details());
        }
        assertEquals(1, Files.readString(stack().resolve(".berth/deploy.log")).lines()
                .filter(l -> l.contains("result: succeeded")).count(), "the stopped attempt is not in the stack's log");
    }

    @Test
    void hardwareTranscodingWithoutDevDriFailsTheCheckAndTheDeployStopsBeforeAnyChange() throws Exception {
        Answers base = jellyfin();
        StorageAnswers s = base.storage();
        Answers answers = base.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), s.configRoot(), s.puid(), s.pgid(),
                s.timeZone(), true));
        StackPlan plan = DeployFixtures.plan(answers);
        assertTrue(plan.services().stream().anyMatch(p -> p.devices().contains("/dev/dri:/dev/dri")), "the plan passes /dev/dri");

        // This machine as a server without a GPU (this container has no /dev/dri anyway).
        try (HidingTarget noGpu = new HidingTarget(new LocalTarget(), Set.of(), Set.of("/dev/dri"), null)) {
            CheckResult devices;
            try (CheckRunner runner = new CheckRunner(noGpu, List.of(new DevicesCheck()))) {
                devices = runner.run(plan, r -> { }).getFirst();
            }
            assertEquals(Status.FAIL, devices.status(), devices.details());
            assertEquals("/dev/dri is missing: Docker cannot start jellyfin with hardware transcoding on", devices.summary());
            assertTrue(devices.fix().contains("storage.hardwareTranscoding: false"), devices.fix());

            DeployOutcome outcome = deploy(noGpu, answers);
            DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, outcome.result(), outcome::toString);
            assertInstanceOf(PreflightJob.class, rb.failedJob(), "the check and the deploy agree: it stops at the check");
            assertTrue(rb.cause().getMessage().contains("/dev/dri is missing"), rb.cause().getMessage());
        }
        assertFalse(Files.exists(stack()), "no change: no stack folder");
        assertFalse(Files.exists(root.resolve("data")), "no data folders");
        assertTrue(DeployFixtures.containerIds(local, project).isEmpty(), "no containers");
    }

    @Test
    void aDependencyThatNeverTurnsHealthyFailsUpAndItsLogIsKeptBeforeTheRollback() throws Exception {
        Answers first = jellyfin();
        assertTrue(deploy(local, first).succeeded());
        Map<String, String> before = DeployFixtures.containerIds(local, project);

        // sabnzbd behind the VPN: it waits for gluetun with service_healthy, and gluetun never gets there.
        Answers vpnExample = Examples.answers("plex-usenet-openvpn");
        Answers withVpn = first.withServices(List.of("jellyfin", "sabnzbd")).withVpn(vpnExample.vpn());
        // Jellyfin keeps its port (so it is left running); the new web ports get free ones.
        Map<String, Integer> ports = new java.util.TreeMap<>(first.portOverrides());
        for (PlannedService p : DeployFixtures.plan(withVpn).services()) {
            if (p.hostWebPort() != 0 && !ports.containsKey(p.definition().id())) {
                ports.put(p.definition().id(), DeployFixtures.freePort());
            }
        }
        withVpn = withVpn.withPortOverrides(ports);
        StackPlan plan = DeployFixtures.plan(withVpn);
        assertEquals("service_healthy", plan.services().stream().filter(p -> p.name().equals("sabnzbd")).findFirst()
                .orElseThrow().dependsOn().get("gluetun"));
        StandInImages images = new StandInImages(root);
        images.build(plan.services().stream().map(PlannedService::definition).toList());
        var gluetun = Catalog.builtIn().get("gluetun");
        images.buildFailing(gluetun, StandInImages.Failure.NEVER_HEALTHY, gluetun.image().reference());
        DeployOutcome outcome;
        try {
            outcome = deploy(local, withVpn);
        } finally {
            images.build(gluetun); // the catalog tag back to the working stand-in, for other tests
        }

        DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, outcome.result(), outcome::toString);
        assertInstanceOf(ComposeUpJob.class, rb.failedJob(), "compose up itself fails on the unhealthy dependency");
        assertTrue(rb.undoErrors().isEmpty(), rb.undoErrors()::toString);
        DeployReport report = outcome.report().orElseThrow(() -> new AssertionError("no report after up failed"));
        DeployReport.ServiceReport g = report.service("gluetun").orElseThrow();
        assertFalse(g.up());
        assertEquals(ServiceState.UNHEALTHY, g.state());
        assertTrue(g.logTail().stream().anyMatch(l -> l.contains("stand-in for gluetun: never healthy")), g.logTail()::toString);
        assertTrue(g.logTail().size() <= 50, "the last 50 lines at most");
        assertFalse(report.service("sabnzbd").orElseThrow().up(), "never started");
        // Left running: healthy, or still waiting for Docker's first check (this report asks Docker only, no probes).
        assertTrue(java.util.Set.of(ServiceState.HEALTHY, ServiceState.STARTING).contains(report.service("jellyfin").orElseThrow().state()),
                report::toString);

        // The previous stack is back, the failing container is gone: the log lines live on in the deploy log.
        assertEquals(before, DeployFixtures.containerIds(local, project));
        String log = Files.readString(stack().resolve(".berth/deploy.log"));
        assertTrue(log.contains("  gluetun: unhealthy"), log);
        assertTrue(log.lines().anyMatch(l -> l.endsWith("    | stand-in for gluetun: never healthy")), log);
        progress.assertNoSecretIn(root, lastPreview.plan().secrets(), log, outcome.toString());
    }
}

package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.vpn.VpnCheck;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VPN proof as a deploy step: it names the routed apps, records whatever the prover found
 * (a leak too) without ever failing the deploy, turns a prover that could not run into an UNKNOWN
 * check, and runs after the health wait and before anything publishes or wires an app.
 */
class VpnProofJobTest {
    private static final VpnProof LEAK = new VpnProof(List.of(
            new VpnCheck("qbittorrent", VpnCheck.Kind.ROUTE, VpnCheck.Verdict.FAIL, "default route: eth0"),
            new VpnCheck("gluetun", VpnCheck.Kind.PUBLIC_ADDRESS, VpnCheck.Verdict.UNKNOWN, "the internet cannot be reached")),
            Optional.empty(), Optional.empty(), List.of("qbittorrent"), List.of());

    @TempDir
    Path root;
    /** Set by the tests that deploy (see {@link #routedSabnzbd}). */
    private LocalTarget target;
    private String project;

    @Test
    void itsDescriptionNamesTheRoutedApps() {
        StackPlan plan = WireStackJobTest.fullExample(root.resolve("stack"));
        assertEquals("Prove the VPN: Prowlarr, qBittorrent, SABnzbd, FlareSolverr reach the internet only through the tunnel",
                new VpnProofJob(plan).description());
        assertTrue(VpnProofJob.needed(plan));
        assertFalse(VpnProofJob.needed(Examples.plan("minimal-jellyfin")));
    }

    @Test
    void aLeakIsRecordedAndTheJobStillSucceeds() {
        StackPlan plan = WireStackJobTest.fullExample(root.resolve("stack"));
        try (LocalTarget local = new LocalTarget()) {
            JobContext context = new JobContext(local, DeployFixtures.CLOCK);
            new VpnProofJob(plan, (target, p, cancelled) -> LEAK).execute(context);
            assertEquals(Optional.of(LEAK), context.outcomes().get(VpnProofJob.PROOF));
        }
    }

    @Test
    void aTargetThatStopsAnsweringOrAFaultOfBerthsIsUnknownNeverAPass() {
        StackPlan plan = WireStackJobTest.fullExample(root.resolve("stack"));
        try (LocalTarget local = new LocalTarget()) {
            JobContext cut = new JobContext(local, DeployFixtures.CLOCK);
            new VpnProofJob(plan, (target, p, cancelled) -> {
                throw new TargetException(TargetException.Reason.UNREACHABLE, "the connection was closed");
            }).execute(cut);
            VpnProof proof = cut.outcomes().get(VpnProofJob.PROOF).orElseThrow();
            assertEquals(VpnCheck.Verdict.UNKNOWN, proof.verdict());
            assertTrue(proof.checks().getFirst().detail().contains("the connection was closed"), proof::toString);
            assertTrue(proof.checks().getFirst().detail().contains("Run berth status"), proof::toString);

            JobContext bug = new JobContext(local, DeployFixtures.CLOCK);
            new VpnProofJob(plan, (target, p, cancelled) -> {
                throw new IllegalStateException("no tunnel interface in the catalog");
            }).execute(bug);
            VpnProof stopped = bug.outcomes().get(VpnProofJob.PROOF).orElseThrow();
            assertEquals(VpnCheck.Verdict.UNKNOWN, stopped.verdict());
            assertTrue(stopped.checks().getFirst().detail().startsWith("The VPN proof stopped: "), stopped::toString);
        }
    }

    /** After a leak the wiring does not run: it would connect a leaking app to the others, and wait on stopped ones. */
    @Test
    void aLeakKeepsTheWiringFromRunning() throws Exception {
        StackPlan plan = WireStackJobTest.fullExample(root.resolve("stack"));
        try (LocalTarget local = new LocalTarget()) {
            JobContext context = new JobContext(local, DeployFixtures.CLOCK);
            new VpnProofJob(plan, (target, p, cancelled) -> LEAK).execute(context);
            new WireStackJob(plan, dev.berth.engine.wire.WiringPlan.of(plan, java.util.Map.of()), Optional.empty(), (target, project) -> {
                throw new AssertionError("the wiring ran after a leak");
            }).execute(context);
            var links = context.outcomes().get(WireStackJob.RESULT).orElseThrow().links();
            assertEquals(1, links.size(), links::toString);
            assertTrue(links.getFirst().detail().startsWith("Not connected: the VPN proof found a leak"), links::toString);
        }
    }

    /**
     * Through the whole deploy with stand-in images, a made-up leak: the deploy succeeds (a rollback
     * would bring back a stack that leaks the same way), the outcome and the log carry the proof,
     * and the preview lists the proof right after the health wait and before the wiring.
     */
    @Test
    void aDeployProvesTheVpnAfterTheHealthWaitAndALeakRollsNothingBack() throws Exception {
        Answers answers = routedSabnzbd();
        List<String> proved = new ArrayList<>();
        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK, (t, plan, cancelled) -> {
            proved.add(plan.projectName());
            return LEAK;
        });
        DeployPreview preview = deployer.preview(answers, DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(60)));
        List<Class<?>> order = preview.jobs().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(order.indexOf(AwaitHealthJob.class) + 1, order.indexOf(VpnProofJob.class), order::toString);
        assertTrue(order.indexOf(VpnProofJob.class) < order.indexOf(WireStackJob.class), order::toString);

        DeployOutcome outcome = deployer.deploy(preview, p -> { }, () -> false);
        assertInstanceOf(DeploymentResult.Succeeded.class, outcome.result(), outcome::toString);
        assertEquals(Optional.of(LEAK), outcome.vpn());
        assertEquals(List.of(project), proved);
        String log = Files.readString(Path.of(answers.storage().stackDir(), ".berth", "deploy.log"));
        assertTrue(log.contains("vpn qbittorrent internet route is the tunnel: fail (default route: eth0)"), log);
        assertTrue(log.contains("vpn leak: stopped qbittorrent"), log);
    }

    /**
     * The deploy with the real prover on stand-ins (no internet here): whatever it finds, the deploy
     * succeeds with a proof that has checks, and none of them passes for the public address, which
     * the internet alone could prove.
     */
    @Test
    void aDeployWithTheRealProverEndsWithAProof() throws Exception {
        Answers answers = routedSabnzbd();
        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);
        DeployOutcome outcome = deployer.deploy(deployer.preview(answers, DeployOptions.DEFAULT.withOffline(true)
                .withHealthTimeout(Duration.ofSeconds(60))), p -> { }, () -> false);
        assertInstanceOf(DeploymentResult.Succeeded.class, outcome.result(), outcome::toString);
        VpnProof proof = outcome.vpn().orElseThrow();
        assertFalse(proof.checks().isEmpty(), proof::toString);
        assertNotEquals(VpnCheck.Verdict.PASS, proof.checks().stream().filter(c -> c.kind() == VpnCheck.Kind.PUBLIC_ADDRESS)
                .map(VpnCheck::verdict).findFirst().orElse(VpnCheck.Verdict.UNKNOWN), proof::toString);
    }

    /** Jellyfin and SABnzbd, SABnzbd routed through Gluetun (PIA over OpenVPN), all stand-ins, in a project removed afterwards. */
    private Answers routedSabnzbd() {
        RequiresDocker.engine();
        project = DeployFixtures.project();
        target = new LocalTarget();
        Answers base = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sabnzbd"))
                .withVpn(Examples.answers("plex-usenet-openvpn").vpn());
        return StandInStacks.deployable(base, root, project);
    }

    @AfterEach
    void removeStack() {
        if (target != null) {
            DeployFixtures.removeProject(target, project);
            target.close();
        }
    }
}

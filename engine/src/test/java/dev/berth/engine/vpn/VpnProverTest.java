package dev.berth.engine.vpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.VpnAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.VpnGatewaySpec;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.Target;
import dev.berth.engine.vpn.VpnCheck.Kind;
import dev.berth.engine.vpn.VpnCheck.Verdict;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The leak proof on a real stack on the real engine: Gluetun's stand-in (a tun0 with OpenVPN's
 * routes, its DNS in the shared resolv.conf, the control server answering from files) and
 * qBittorrent routed through it, proved locally and through the real OpenSSH server. A clean
 * stack passes the namespace, route, DNS and IPv6 checks; the public address is UNKNOWN here (no
 * internet); a wrong key is refused in words; each leak the stand-in is made to have is a FAIL,
 * and the routed app's container really stops.
 */
@NeedsDocker
class VpnProverTest extends SshdTestBase {
    private static final String TUNNEL_ADDRESS = "203.0.113.7";
    private static final String KEY = "berth-test-control-key-0123456789";
    private final VpnGatewaySpec gateway = Catalog.builtIn().get("gluetun").vpnGateway();
    private String project;

    @AfterEach
    void removeStack() {
        if (project != null) {
            StandInStacks.remove(project);
        }
    }

    /** qBittorrent routed through Gluetun (ProtonVPN over WireGuard, which forwards a port), deployed with stand-ins. */
    private StackPlan deploy() throws Exception {
        RequiresDocker.engine();
        project = StandInStacks.project();
        Answers base = Examples.answers("full-wireguard");
        VpnAnswers vpn = base.vpn();
        base = base.withServices(List.of("qbittorrent"))
                .withVpn(new VpnAnswers(true, "protonvpn", vpn.type(), vpn.wireguard(), vpn.openvpn(), vpn.countries(),
                        List.of("qbittorrent"), vpn.lanSubnet()))
                .withAccess(AccessAnswers.LAN_ONLY)
                .withMonitoring(MonitoringAnswers.NONE);
        Answers answers = StandInStacks.deployable(base, tmp, project);
        try (LocalTarget local = new LocalTarget()) {
            StackDeployer deployer = new StackDeployer(local, Catalog.builtIn());
            var preview = deployer.preview(answers, DeployOptions.DEFAULT.withOffline(true).withProxyHosts(false).withWiring(false)
                    .withLocalLogFolder(tmp.resolve("logs")));
            DeployOutcome outcome = deployer.deploy(preview, p -> { }, () -> false);
            assertTrue(outcome.succeeded(), outcome::toString);
            return withControlKey(preview.plan());
        }
    }

    /**
     * The plan with Berth's control-server key, and Gluetun's auth file giving it the routes, as the
     * renderer writes them once it makes that key (until then, the test writes both itself).
     */
    private StackPlan withControlKey(StackPlan plan) throws Exception {
        String key = plan.secrets().getOrDefault(gateway.keySecret(), KEY);
        Path config = Path.of(plan.service("gluetun").orElseThrow().hostFolder("/gluetun").orElseThrow());
        Path auth = config.resolve(gateway.authFile());
        if (!Files.exists(auth)) {
            Files.createDirectories(auth.getParent());
            Files.writeString(auth, "[[roles]]\nname = \"berth\"\nroutes = [" + String.join(", ", gateway.keyRoutes().stream()
                    .map(r -> "\"" + r + "\"").toList()) + "]\nauth = \"apikey\"\napikey = \"" + key + "\"\n");
        }
        Files.createDirectories(config.resolve("berth-test"));
        Files.writeString(config.resolve("berth-test/public_ip"), TUNNEL_ADDRESS);
        return withSecret(plan, gateway.keySecret(), key);
    }

    private static StackPlan withSecret(StackPlan plan, String name, String value) {
        TreeMap<String, String> secrets = new TreeMap<>(plan.secrets());
        secrets.put(name, value);
        return new StackPlan(plan.answers(), plan.services(), plan.additions(), plan.suggestions(), plan.portMoves(), secrets,
                plan.dataDirectories(), plan.namedVolumes());
    }

    private static Map<Kind, VpnCheck> of(VpnProof proof, String service) {
        Map<Kind, VpnCheck> byKind = new TreeMap<>();
        proof.checks().stream().filter(c -> c.service().equals(service)).forEach(c -> byKind.put(c.kind(), c));
        return byKind;
    }

    private static void assertVerdict(Verdict verdict, VpnCheck check, String... words) {
        assertEquals(verdict, check.verdict(), check::toString);
        for (String w : words) {
            assertTrue(check.detail().contains(w), () -> "'" + w + "' missing in: " + check.detail());
        }
    }

    private void assertCleanStackProved(Target target, StackPlan plan) throws Exception {
        VpnProof proof = new VpnProver(target, project).prove(plan, () -> false);
        Map<Kind, VpnCheck> qbit = of(proof, "qbittorrent");
        assertVerdict(Verdict.PASS, qbit.get(Kind.NAMESPACE), "same network namespace as gluetun");
        assertVerdict(Verdict.PASS, qbit.get(Kind.ROUTE), "route to 1.1.1.1: tun0");
        assertVerdict(Verdict.PASS, qbit.get(Kind.DNS), "nameserver 127.0.0.1");
        assertVerdict(Verdict.PASS, qbit.get(Kind.IPV6));
        Map<Kind, VpnCheck> gluetun = of(proof, "gluetun");
        // No internet here: the server's own address cannot be learned, so never a PASS; the tunnel's is read.
        assertVerdict(Verdict.UNKNOWN, gluetun.get(Kind.PUBLIC_ADDRESS), "through the tunnel: " + TUNNEL_ADDRESS,
                "could not be learned", "api.ipify.org");
        assertEquals(java.util.Optional.of(TUNNEL_ADDRESS), proof.publicAddress());
        assertVerdict(Verdict.UNKNOWN, gluetun.get(Kind.FORWARDED_PORT), "no port forwarded yet");
        assertEquals(Verdict.UNKNOWN, proof.verdict());
        assertEquals(List.of(), proof.stopped());
        assertTrue(running(target, "qbittorrent"));
    }

    @Test
    void aCleanStackPassesAWrongKeyIsRefusedInWordsAndEachLeakStopsTheRoutedApp() throws Exception {
        StackPlan plan = deploy();
        try (LocalTarget local = new LocalTarget()) {
            assertCleanStackProved(local, plan);

            VpnProof wrongKey = new VpnProver(local, project).prove(withSecret(plan, gateway.keySecret(), "not-the-key"), () -> false);
            assertVerdict(Verdict.UNKNOWN, of(wrongKey, "gluetun").get(Kind.PUBLIC_ADDRESS), "refused GET /v1/publicip/ip (401)",
                    "auth/config.toml", "Deploy again");
            assertFalse(wrongKey.checks().stream().anyMatch(c -> c.detail().contains("not-the-key")), wrongKey::toString);

            leak(local, "dns");
            VpnProof dns = new VpnProver(local, project).prove(plan, () -> false);
            assertVerdict(Verdict.FAIL, of(dns, "qbittorrent").get(Kind.DNS), "DNS leak", "192.168.1.1",
                    "Berth stopped qbittorrent", "berth deploy");
            assertEquals(List.of("qbittorrent"), dns.stopped());
            assertTrue(dns.leaked());
            assertFalse(running(local, "qbittorrent"), "a leak stops the routed app for real");

            startAgain(local, "qbittorrent");
            leak(local, "route");
            VpnProof route = new VpnProver(local, project).prove(plan, () -> false);
            assertVerdict(Verdict.FAIL, of(route, "qbittorrent").get(Kind.ROUTE), "goes out through eth0", "tunnel is not up",
                    "Berth stopped qbittorrent");
            assertEquals(List.of("qbittorrent"), route.stopped());
            assertFalse(running(local, "qbittorrent"));

            // Stopped, it cannot leak: one UNKNOWN row saying so, and nothing to stop.
            VpnProof stopped = new VpnProver(local, project).prove(plan, () -> false);
            assertVerdict(Verdict.UNKNOWN, of(stopped, "qbittorrent").get(Kind.NAMESPACE), "not running");
            assertEquals(List.of(), stopped.stopped());

            // Gluetun restarted under a running app: the app keeps the old namespace. Without a repair (h4's, normally
            // first) that is a NAMESPACE FAIL, and the app is stopped.
            startAgain(local, "qbittorrent");
            local.docker().restartContainerCmd(container(local, "gluetun")).exec();
            Await.until("gluetun running again", () -> running(local, "gluetun"));
            VpnProof stale = new VpnProver(local, project, p -> List.of(), p -> List.of()).prove(plan, () -> false);
            assertVerdict(Verdict.FAIL, of(stale, "qbittorrent").get(Kind.NAMESPACE), "holds network namespace",
                    "gluetun restarted without it", "Berth stopped qbittorrent");
            assertEquals(List.of("qbittorrent"), stale.stopped());

            // As deploy and status prove it (the public constructor, with the repair first): the same restart is mended,
            // not stopped.
            startAgain(local, "qbittorrent");
            local.docker().restartContainerCmd(container(local, "gluetun")).exec();
            Await.until("gluetun healthy again", () -> healthy(local, "gluetun"));
            VpnProof mended = new VpnProver(local, project).prove(plan, () -> false);
            assertEquals(List.of("qbittorrent"), mended.repaired());
            assertVerdict(Verdict.PASS, of(mended, "qbittorrent").get(Kind.NAMESPACE), "same network namespace as gluetun");
            assertEquals(List.of(), mended.stopped());

            // Gluetun stopped: the kill switch is looked at from inside the app, and only that is checked.
            local.docker().stopContainerCmd(container(local, "gluetun")).exec();
            VpnProof down = new VpnProver(local, project).prove(plan, () -> false);
            assertVerdict(Verdict.PASS, of(down, "qbittorrent").get(Kind.KILL_SWITCH));
            assertEquals(List.of(Kind.KILL_SWITCH), down.checks().stream().map(VpnCheck::kind).distinct().toList());
        }
    }

    private boolean healthy(Target target, String service) throws Exception {
        var health = target.docker().inspectContainerCmd(container(target, service)).exec().getState().getHealth();
        return health != null && "healthy".equals(health.getStatus());
    }

    @Test
    void theSameProofOverSsh() throws Exception {
        StackPlan plan = deploy();
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            assertCleanStackProved(ssh, plan);
            try (LocalTarget local = new LocalTarget()) {
                leak(local, "route");
            }
            VpnProof route = new VpnProver(ssh, project).prove(plan, () -> false);
            assertVerdict(Verdict.FAIL, of(route, "qbittorrent").get(Kind.ROUTE), "goes out through eth0");
            assertEquals(List.of("qbittorrent"), route.stopped());
        }
        try (LocalTarget local = new LocalTarget()) {
            assertFalse(running(local, "qbittorrent"), "stopped over SSH");
        }
    }

    private String container(Target target, String service) throws Exception {
        return target.docker().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ComposeLabels.PROJECT, project,
                ComposeLabels.SERVICE, service)).exec().getFirst().getId();
    }

    private boolean running(Target target, String service) throws Exception {
        return Boolean.TRUE.equals(target.docker().inspectContainerCmd(container(target, service)).exec().getState().getRunning());
    }

    /** Makes Gluetun's stand-in leak, as a broken VPN setup would. */
    private void leak(Target target, String what) throws Exception {
        ExternalTool.Result r = ExternalTool.run(tmp, List.of("docker", "exec", container(target, "gluetun"), "stand-in-leak", what));
        assertEquals(0, r.exitCode(), r.output());
    }

    private void startAgain(Target target, String service) throws Exception {
        target.docker().startContainerCmd(container(target, service)).exec();
        Await.until(service + " running again", () -> running(target, service));
    }
}

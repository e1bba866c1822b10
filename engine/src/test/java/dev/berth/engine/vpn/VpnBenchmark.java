package dev.berth.engine.vpn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.VpnAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.Target;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * VPN proof figures, printed, never asserted on time (run with {@code ./bench vpn}; not part of the
 * test run: the class name is outside Surefire's includes). The proof a deploy and {@code berth
 * status} run, on a stand-in stack with qBittorrent and Prowlarr routed through Gluetun's stand-in:
 * on this computer and through the real OpenSSH server, where each {@code docker exec} is a round
 * trip more. The public address check waits for the what-is-my-IP services to fail here (no
 * internet), so the figures include the time a server without internet spends on it.
 */
class VpnBenchmark extends SshdTestBase {
    private static final int WARMUPS = 1;
    private static final int RUNS = 5;
    private String project;

    @AfterEach
    void removeStack() {
        if (project != null) {
            StandInStacks.remove(project);
        }
    }

    @Test
    void provingTwoRoutedAppsLocallyAndOverSsh() throws Exception {
        RequiresDocker.engine();
        project = StandInStacks.project();
        Answers base = Examples.answers("full-wireguard");
        VpnAnswers vpn = base.vpn();
        base = base.withServices(List.of("qbittorrent", "prowlarr"))
                .withVpn(new VpnAnswers(true, "protonvpn", vpn.type(), vpn.wireguard(), vpn.openvpn(), vpn.countries(),
                        List.of("qbittorrent", "prowlarr"), vpn.lanSubnet()))
                .withAccess(AccessAnswers.LAN_ONLY)
                .withMonitoring(MonitoringAnswers.NONE);
        Answers answers = StandInStacks.deployable(base, tmp, project);
        StackPlan plan;
        try (LocalTarget local = new LocalTarget()) {
            StackDeployer deployer = new StackDeployer(local, Catalog.builtIn());
            var preview = deployer.preview(answers, DeployOptions.DEFAULT.withOffline(true).withProxyHosts(false).withWiring(false)
                    .withLocalLogFolder(tmp.resolve("logs")));
            DeployOutcome outcome = deployer.deploy(preview, p -> { }, () -> false);
            assertTrue(outcome.succeeded(), outcome::toString);
            plan = preview.plan();
        }
        Path config = Path.of(plan.service("gluetun").orElseThrow().hostFolder("/gluetun").orElseThrow());
        Files.createDirectories(config.resolve("berth-test"));
        Files.writeString(config.resolve("berth-test/public_ip"), "203.0.113.7");
        Files.writeString(config.resolve("berth-test/forwarded_port"), "41234");
        int checks;
        try (LocalTarget local = new LocalTarget()) {
            checks = time("the VPN proof of 2 routed apps on this computer", local, plan, "<= 5 s");
        }
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            time("the same proof over SSH", ssh, plan, "<= 8 s");
        }
        System.out.println("[note] " + checks + " checks per proof (4 per routed app, the public address, the forwarded port)");
    }

    private int time(String name, Target target, StackPlan plan, String goal) throws Exception {
        long[] samples = new long[RUNS];
        int checks = 0;
        for (int i = -WARMUPS; i < RUNS; i++) {
            long start = System.nanoTime();
            VpnProof proof = new VpnProver(target, project).prove(plan, () -> false);
            long nanos = System.nanoTime() - start;
            assertEquals(List.of(), proof.stopped(), proof::toString);
            checks = proof.checks().size();
            if (i >= 0) {
                samples[i] = nanos;
            }
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        List<String> figures = new ArrayList<>();
        for (long s : new long[] {sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]}) {
            figures.add(String.format("%.0f ms", s / 1e6));
        }
        System.out.printf("BENCHMARK %s: median %s, min %s, max %s over %d runs (goal %s)%n", name, figures.get(0),
                figures.get(1), figures.get(2), sorted.length, goal);
        return checks;
    }
}

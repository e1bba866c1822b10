package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
import dev.berth.engine.target.LoopbackTunnel;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.Target;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Apps that publish no host port, reached where the target reaches them, on a real stack of
 * stand-ins: FlareSolverr (never published) at its own container's address, and Prowlarr, routed
 * through the VPN, at gluetun's container; a published app at its host port. Locally and through
 * the real OpenSSH server (a forwarding to the container's address).
 */
@NeedsDocker
class ServiceAddressesTest extends SshdTestBase {
    private String project;

    @AfterEach
    void removeStack() {
        if (project != null) {
            StandInStacks.remove(project);
        }
    }

    @Test
    void reachesAnUnpublishedAndAVpnRoutedServiceByTheirHealthPathLocallyAndOverSsh() throws Exception {
        RequiresDocker.engine();
        project = StandInStacks.project();
        Answers base = Examples.answers("full-wireguard");
        VpnAnswers vpn = base.vpn();
        base = base.withServices(List.of("prowlarr", "flaresolverr"))
                .withVpn(new VpnAnswers(true, vpn.provider(), vpn.type(), vpn.wireguard(), vpn.openvpn(), vpn.countries(),
                        List.of("prowlarr"), vpn.lanSubnet()))
                .withAccess(AccessAnswers.LAN_ONLY)
                .withMonitoring(MonitoringAnswers.NONE);
        Answers answers = StandInStacks.deployable(base, tmp, project);
        StackPlan plan;
        try (LocalTarget local = new LocalTarget()) {
            StackDeployer deployer = new StackDeployer(local, Catalog.builtIn());
            DeployOptions options = DeployOptions.DEFAULT.withOffline(true).withProxyHosts(false).withLocalLogFolder(tmp.resolve("logs"));
            var preview = deployer.preview(answers, options);
            plan = preview.plan();
            DeployOutcome outcome = deployer.deploy(preview, p -> { }, () -> false);
            assertEquals(true, outcome.succeeded(), outcome::toString);

            PlannedService flaresolverr = plan.service("flaresolverr").orElseThrow();
            PlannedService prowlarr = plan.service("prowlarr").orElseThrow();
            assertEquals(0, flaresolverr.hostWebPort(), "FlareSolverr publishes no port");
            assertEquals("gluetun", prowlarr.address());
            // Prowlarr as if it published no port either (as behind Authelia): then only gluetun's container reaches it.
            PlannedService routedUnpublished = unpublished(prowlarr);

            assertReached(local, flaresolverr);
            assertReached(local, routedUnpublished);
            assertReached(local, prowlarr);
        }
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            assertReached(ssh, plan.service("flaresolverr").orElseThrow());
            assertReached(ssh, unpublished(plan.service("prowlarr").orElseThrow()));
        }
    }

    private void assertReached(Target target, PlannedService service) throws Exception {
        try (LoopbackTunnel tunnel = ServiceAddresses.onTarget(target, project).open(service)) {
            if (target instanceof SshTarget) {
                assertEquals("127.0.0.1", tunnel.localAddress().getHostString(), "over SSH: a port forwarded on this computer");
            } else if (service.hostWebPort() == 0) {
                assertNotEquals("127.0.0.1", tunnel.localAddress().getHostString(), "the container's own address");
            }
            URI uri = URI.create("http://" + tunnel.localAddress().getHostString() + ":" + tunnel.localAddress().getPort()
                    + service.definition().web().healthPath());
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                Await.until(service.name() + " answering " + uri + " through " + target.description(), () -> {
                    try {
                        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
            }
        }
    }

    private static PlannedService unpublished(PlannedService s) {
        return new PlannedService(s.name(), s.definition(), s.placement(), List.of(), s.mounts(), s.environment(), s.secrets(),
                s.dependsOn(), s.user(), s.command(), s.extraHosts(), s.devices(), s.labels(), s.webPort(), 0, s.healthcheck(),
                s.exportedApp());
    }
}

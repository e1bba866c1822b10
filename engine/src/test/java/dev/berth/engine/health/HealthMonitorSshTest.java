package dev.berth.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.SshdTestBase;
import dev.berth.engine.target.SshTarget;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.NeedsDocker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same monitor with Docker reached over SSH, and HTTP probes run on the server. */
@NeedsDocker
class HealthMonitorSshTest extends SshdTestBase {
    private static final int PORT = 18080;
    private HealthContainers containers;

    @BeforeEach
    void setUp() {
        containers = new HealthContainers(tmp);
    }

    @AfterEach
    void tearDown() {
        containers.close();
    }

    private void startWeb(String service) {
        containers.run(service, List.of("-p", "127.0.0.1:" + PORT + ":" + PORT,
                        "--health-cmd", "wget -q -O /dev/null http://127.0.0.1:" + PORT + "/health",
                        "--health-interval", "1s", "--health-retries", "1"),
                "mkdir -p /www && echo ok > /www/health && exec httpd -f -p " + PORT + " -h /www");
    }

    @Test
    void healthAndProbesOverSsh() throws Exception {
        Published published = new Published();
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
             HealthMonitor monitor = HealthMonitor.start(ssh, containers.project, Map.of("web", new ProbeAddress(PORT, PORT, "/health")));
             HealthMonitor wrongPath = HealthMonitor.start(ssh, containers.project, Map.of("web", new ProbeAddress(PORT, PORT, "/nope")))) {
            monitor.addListener(published);
            startWeb("web");
            // Not awaitAllHealthy: a passing probe counts a starting service up before Docker says healthy.
            published.await(Duration.ofSeconds(30), "web healthy", h -> h.service().equals("web") && h.state() == ServiceState.HEALTHY);
            List<ServiceState> states = published.of("web").stream().map(a -> a.health().state()).toList();
            assertTrue(states.indexOf(ServiceState.STARTING) < states.indexOf(ServiceState.HEALTHY), "went " + states);
            Published.At healthy = published.of("web").get(states.indexOf(ServiceState.HEALTHY));
            long ms = Duration.between(healthy.health().since(), healthy.publishedAt()).toMillis();
            System.out.println("BENCHMARK health_status healthy -> published (over SSH): " + ms + " ms");

            Published.At probed = published.await(Duration.ofSeconds(20), "a passing probe",
                    h -> h.probe() != null && h.probe().ok());
            assertEquals("http://127.0.0.1:" + PORT + "/health", probed.health().probe().url());

            // The engine says healthy, the wrong path does not answer: both are reported. Each monitor
            // follows its own event stream, and a probe may run while the container is still starting,
            // so wait for this monitor to have seen both.
            ServiceHealth w = Await.until("the wrong-path monitor to see web healthy and probed",
                    () -> wrongPath.health("web"), h -> h.state() == ServiceState.HEALTHY && h.probe() != null);
            assertFalse(w.probe().ok(), "probe of a missing page fails: " + w.probe());
            assertTrue(w.summary().contains("/nope"), w.summary());
        }
    }

    @Test
    void followsAgainAfterTheEventStreamDrops() throws Exception {
        Published published = new Published();
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
             HealthMonitor monitor = HealthMonitor.start(ssh, containers.project, Map.of())) {
            monitor.addListener(published);
            // The stream rides on a `docker system dial-stdio` on the server, started by our sshd:
            // ending it is what an engine restart or a broken channel looks like to the monitor.
            // The stream is opened asynchronously: a container started now reaches the monitor only
            // through it, so once one is published the stream runs. Then end every dial-stdio of ours.
            containers.run("early", List.of(), "exec sleep 300");
            published.await(Duration.ofSeconds(60), "early, through the event stream", h -> h.service().equals("early"));
            List<ProcessHandle> dial = ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("dial-stdio")).toList();
            assertFalse(dial.isEmpty(), "the event stream's dial-stdio runs");
            dial.forEach(ProcessHandle::destroyForcibly);
            Await.until("the event stream to be opened again", monitor::connections, n -> n >= 2);
            containers.run("late", List.of("--health-cmd", "true", "--health-interval", "1s"), "exec sleep 300");
            monitor.awaitAllHealthy(Duration.ofSeconds(30), Set.of("late"));
            assertEquals(ServiceState.HEALTHY, monitor.health("late").state());
        }
    }

    @Test
    void anAppWithNoHostPortIsProbedAtItsContainerAddressFromTheServer() throws Exception {
        containers.runUnpublishedWeb("app", PORT, List.of());
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
             HealthMonitor monitor = HealthMonitor.start(ssh, containers.project, Map.of("app", new ProbeAddress(0, PORT, "/health")))) {
            // Docker's first check comes 300 s after the start: only the probe, run on the server, can end this wait.
            ServiceHealth app = monitor.awaitAllHealthy(Duration.ofSeconds(60), Set.of("app")).get("app");
            assertEquals(ServiceState.STARTING, app.state());
            assertEquals("http://" + containers.address(containers.project + "-app-0") + ":" + PORT + "/health", app.probe().url());
        }
    }
}

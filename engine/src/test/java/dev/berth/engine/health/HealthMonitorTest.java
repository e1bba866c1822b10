package dev.berth.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor against the real Docker engine on this computer. */
@NeedsDocker
class HealthMonitorTest {
    private static final List<String> HEALTH_EVERY_SECOND = List.of("--health-interval", "1s", "--health-timeout", "2s",
            "--health-retries", "1");

    @TempDir
    Path tmp;
    private HealthContainers containers;
    private LocalTarget target;

    @BeforeEach
    void setUp() {
        containers = new HealthContainers(tmp);
        target = new LocalTarget();
    }

    @AfterEach
    void tearDown() {
        containers.close();
        target.close();
    }

    @Test
    void containersTurningHealthyArePublishedStartingThenHealthyAndQuickly() throws Exception {
        int n = 5;
        Published published = new Published();
        List<Long> latenciesMs = new ArrayList<>();
        try (HealthMonitor monitor = HealthMonitor.start(target, containers.project, Map.of())) {
            monitor.addListener(published);
            for (int i = 0; i < n; i++) {
                List<String> opts = new ArrayList<>(HEALTH_EVERY_SECOND);
                opts.addAll(List.of("--health-cmd", "test -f /tmp/ok"));
                containers.run("app" + i, opts, "sleep 1; touch /tmp/ok; exec sleep 300");
            }
            Set<String> services = new java.util.TreeSet<>();
            for (int i = 0; i < n; i++) {
                services.add("app" + i);
            }
            Map<String, ServiceHealth> up = monitor.awaitAllHealthy(Duration.ofSeconds(30), services);
            for (String s : services) {
                assertEquals(ServiceState.HEALTHY, up.get(s).state());
                List<ServiceState> states = published.of(s).stream().map(a -> a.health().state()).toList();
                assertTrue(states.indexOf(ServiceState.STARTING) >= 0 && states.indexOf(ServiceState.STARTING)
                        < states.indexOf(ServiceState.HEALTHY), s + " went " + states);
                Published.At starting = published.of(s).get(states.indexOf(ServiceState.STARTING));
                Published.At healthy = published.of(s).get(states.indexOf(ServiceState.HEALTHY));
                assertTrue(healthy.health().since().isAfter(starting.health().since()), "timestamps in order");
                // since is the engine's stamp on the health_status event; the engine runs on this machine.
                latenciesMs.add(Duration.between(healthy.health().since(), healthy.publishedAt()).toNanos() / 1_000_000);
            }
        }
        Collections.sort(latenciesMs);
        long median = latenciesMs.get(latenciesMs.size() / 2);
        // A figure to read, not a check: speed goals are measured by ./bench, never asserted in tests.
        System.out.println("BENCHMARK health_status healthy -> published (local): median " + median + " ms, all " + latenciesMs);

        // A monitor started later sees the same from its snapshot alone.
        try (HealthMonitor later = HealthMonitor.start(target, containers.project, Map.of())) {
            assertEquals(ServiceState.HEALTHY, later.health("app0").state());
            assertEquals(n, later.current().size());
            assertEquals(ServiceState.MISSING, later.health("nonesuch").state());
        }
    }

    @Test
    void aServiceThatNeverTurnsHealthyFailsTheWaitWithItsStateAndLogTail() throws Exception {
        Published published = new Published();
        try (HealthMonitor monitor = HealthMonitor.start(target, containers.project, Map.of())) {
            monitor.addListener(published);
            List<String> opts = new ArrayList<>(HEALTH_EVERY_SECOND);
            opts.addAll(List.of("--health-cmd", "echo checking; false"));
            containers.run("sick", opts, "echo berth-marker-printed-by-sick; echo to-stderr >&2; exec sleep 300");
            published.await(Duration.ofSeconds(20), "sick unhealthy", h -> h.state() == ServiceState.UNHEALTHY);
            NotHealthyException e = assertThrows(NotHealthyException.class,
                    () -> monitor.awaitAllHealthy(Duration.ofSeconds(2), Set.of("sick")));
            assertEquals(Set.of("sick"), e.notUp().keySet());
            assertEquals(ServiceState.UNHEALTHY, e.notUp().get("sick").state());
            assertTrue(e.getMessage().contains("sick: unhealthy"), e.getMessage());
            assertTrue(e.notUp().get("sick").detail().contains("checking"), "the health check's output: " + e.notUp().get("sick"));
            List<String> tail = monitor.logTail("sick", HealthMonitor.LOG_TAIL);
            assertTrue(tail.contains("berth-marker-printed-by-sick"), "log tail: " + tail);
            assertTrue(tail.contains("to-stderr"), "stderr too: " + tail);
            assertTrue(monitor.logTail("nonesuch", 50).isEmpty());
        }
    }

    @Test
    void aContainerThatExitsIsExitedWithItsCode() throws Exception {
        Published published = new Published();
        try (HealthMonitor monitor = HealthMonitor.start(target, containers.project, Map.of())) {
            monitor.addListener(published);
            containers.run("crash", List.of(), "echo bye; sleep 1; exit 1");
            Published.At exited = published.await(Duration.ofSeconds(20), "crash exited", h -> h.state() == ServiceState.EXITED);
            assertEquals("exit code 1", exited.health().detail());
            assertEquals(ServiceState.EXITED, monitor.health("crash").state());
            List<ServiceState> states = published.of("crash").stream().map(a -> a.health().state()).toList();
            assertTrue(states.contains(ServiceState.RUNNING), "no health check: running, then exited: " + states);
            assertFalse(states.contains(ServiceState.HEALTHY));
            NotHealthyException e = assertThrows(NotHealthyException.class,
                    () -> monitor.awaitAllHealthy(Duration.ofMillis(200), Set.of("crash", "absent")));
            assertEquals(ServiceState.MISSING, e.notUp().get("absent").state());
        }
        // And from a snapshot alone.
        try (HealthMonitor later = HealthMonitor.start(target, containers.project, Map.of())) {
            assertEquals(ServiceState.EXITED, later.health("crash").state());
            assertEquals("exit code 1", later.health("crash").detail());
        }
    }

    @Test
    void waitingIsCancelledByInterrupt() throws Exception {
        try (HealthMonitor monitor = HealthMonitor.start(target, containers.project, Map.of())) {
            // Interrupted once it waits: the wait ends with InterruptedException, not after its 30 s
            // (which would end in a timeout exception instead), and no clock is read.
            Thread waiter = Thread.currentThread();
            Thread.ofVirtual().start(() -> {
                Await.until("the test thread to wait for health", waiter::getState,
                        s -> s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING);
                waiter.interrupt();
            });
            assertThrows(InterruptedException.class, () -> monitor.awaitAllHealthy(Duration.ofSeconds(30), Set.of("x")));
        }
    }

    @Test
    void anAppWithNoHostPortIsUpOnceItsPageAnswersAtItsContainerAddress() throws Exception {
        containers.runUnpublishedWeb("app", 8080, List.of());
        try (HealthMonitor monitor = HealthMonitor.start(target, containers.project,
                Map.of("app", new ProbeAddress(0, 8080, "/health")))) {
            // Docker's first check comes 300 s after the start: only the probe can end this wait.
            ServiceHealth app = monitor.awaitAllHealthy(Duration.ofSeconds(60), Set.of("app")).get("app");
            assertEquals(ServiceState.STARTING, app.state());
            assertEquals("http://" + containers.address(containers.project + "-app-0") + ":8080/health", app.probe().url());
        }
    }

    @Test
    void aRoutedAppIsAskedAtTheAddressOfTheContainerWhoseNetworkItShares() throws Exception {
        String gluetun = containers.run("gluetun", List.of(), "exec sleep 300");
        containers.runUnpublishedWeb("qbittorrent", 8081, List.of("--network", "container:" + gluetun));
        try (HealthMonitor monitor = HealthMonitor.start(target, containers.project,
                Map.of("qbittorrent", new ProbeAddress(0, 8081, "/health")))) {
            ServiceHealth app = monitor.awaitAllHealthy(Duration.ofSeconds(60), Set.of("qbittorrent")).get("qbittorrent");
            assertEquals(ServiceState.STARTING, app.state());
            assertEquals("http://" + containers.address(gluetun) + ":8081/health", app.probe().url());
        }
    }

    @Test
    void anUnpublishedPageThatGivesNoAnswerNeverHoldsUpARunningApp() throws Exception {
        // Where the host cannot reach container addresses (Docker Desktop) the probe gets no answer;
        // an app without a health check then counts as up by running, as it did before any probe.
        containers.run("quiet", List.of(), "exec sleep 300");
        try (HealthMonitor monitor = HealthMonitor.start(target, containers.project,
                Map.of("quiet", new ProbeAddress(0, 8082, "/health")))) {
            Await.until("a probe of quiet", () -> monitor.health("quiet"), h -> h.probe() != null);
            assertFalse(monitor.health("quiet").probe().ok());
            assertEquals(ServiceState.RUNNING, monitor.awaitAllHealthy(Duration.ofSeconds(10), Set.of("quiet")).get("quiet").state());
        }
    }
}

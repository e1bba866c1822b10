package dev.berth.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.berth.engine.ComposeLabels;
import dev.berth.engine.health.ServiceHealthMapping.CheckRun;
import dev.berth.engine.health.ServiceHealthMapping.EngineEvent;
import dev.berth.engine.health.ServiceHealthMapping.HealthCheck;
import dev.berth.engine.health.ServiceHealthMapping.Inspected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Docker's view to {@link ServiceHealth}, every state the monitor tells apart, with no engine. */
class ServiceHealthMappingTest {
    private static final String PROJECT = "media";
    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    private static final String STARTED = "2026-12-05T02:00:00.123456789Z";
    private static final String FINISHED = "2026-12-05T02:30:00Z";
    private static final String CREATED = "2026-12-05T01:00:00Z";
    private static final String NEVER = "0001-01-01T00:00:00Z";
    private static final ProbeResult PASSED = new ProbeResult(true, "http://127.0.0.1:8989/ping", "", NOW);

    private final Engine engine = new Engine();
    private final Map<String, ServiceHealth> known = new HashMap<>();
    private final Instant at = Instant.parse("2026-12-05T02:59:59.5Z");

    private static Inspected container(String status, boolean running, boolean restarting, Long exit, HealthCheck check) {
        return new Inspected("c1", "sonarr", status, running, restarting, exit, CREATED, STARTED, FINISHED, check);
    }

    // ---- what inspect says ----

    @Test
    void runningWithoutHealthCheckIsRunningSinceItStarted() {
        ServiceHealth h = ServiceHealthMapping.fromInspect(container("running", true, false, 0L, null), NOW);
        assertEquals(new ServiceHealth("sonarr", ServiceState.RUNNING, Instant.parse(STARTED), "", null, "c1"), h);
    }

    @Test
    void runningWithAHealthCheckIsWhatTheCheckSays() {
        assertEquals(ServiceState.HEALTHY, state(new HealthCheck("healthy", new CheckRun(0L, "ok"))));
        assertEquals(ServiceState.STARTING, state(new HealthCheck("starting", null)));
        // A status Docker has not given (yet): not up, the same as starting.
        assertEquals(ServiceState.STARTING, state(new HealthCheck(null, null)));
    }

    @Test
    void unhealthyCarriesTheLastCheckOutput() {
        ServiceHealth h = ServiceHealthMapping.fromInspect(container("running", true, false, 0L,
                new HealthCheck("unhealthy", new CheckRun(1L, "checking\n  refused \n"))), NOW);
        assertEquals(ServiceState.UNHEALTHY, h.state());
        assertEquals("health check exit 1: checking\n  refused", h.detail());
        assertEquals(Instant.parse(STARTED), h.since());
        assertEquals("health check exit 7", ServiceHealthMapping.fromInspect(container("running", true, false, 0L,
                new HealthCheck("unhealthy", new CheckRun(7L, "  "))), NOW).detail());
        assertEquals("", ServiceHealthMapping.fromInspect(container("running", true, false, 0L,
                new HealthCheck("unhealthy", null)), NOW).detail());
    }

    @Test
    void restartingWinsOverRunningAndCarriesTheExitCode() {
        ServiceHealth h = ServiceHealthMapping.fromInspect(container("restarting", true, true, 139L,
                new HealthCheck("healthy", null)), NOW);
        assertEquals(ServiceState.RESTARTING, h.state());
        assertEquals("exit code 139", h.detail());
        assertEquals(Instant.parse(FINISHED), h.since());
    }

    @Test
    void createdButNeverStartedIsCreatedSinceItWasMade() {
        ServiceHealth h = ServiceHealthMapping.fromInspect(
                new Inspected("c1", "sonarr", "created", false, false, 0L, CREATED, NEVER, NEVER, null), NOW);
        assertEquals(ServiceState.CREATED, h.state());
        assertEquals(Instant.parse(CREATED), h.since());
        assertEquals("", h.detail());
    }

    @Test
    void stoppedIsExitedWithItsCodeSinceItFinished() {
        ServiceHealth h = ServiceHealthMapping.fromInspect(container("exited", false, false, 1L, null), NOW);
        assertEquals(ServiceState.EXITED, h.state());
        assertEquals("exit code 1", h.detail());
        assertEquals(Instant.parse(FINISHED), h.since());
        assertEquals("sonarr: exited (exit code 1)", h.summary());
        // dead (removal failed) is as stopped; without a code there is nothing to add.
        ServiceHealth dead = ServiceHealthMapping.fromInspect(container("dead", false, false, null, null), NOW);
        assertEquals(ServiceState.EXITED, dead.state());
        assertEquals("", dead.detail());
    }

    @Test
    void aTimeDockerHasNotSetOrCannotBeReadIsNow() {
        Inspected neverStarted = new Inspected("c1", "sonarr", "running", true, false, 0L, CREATED, NEVER, NEVER, null);
        assertEquals(NOW, ServiceHealthMapping.fromInspect(neverStarted, NOW).since());
        Inspected garbled = new Inspected("c1", "sonarr", "exited", false, false, 0L, CREATED, STARTED, "yesterday", null);
        assertEquals(NOW, ServiceHealthMapping.fromInspect(garbled, NOW).since());
        Inspected none = new Inspected("c1", "sonarr", "exited", false, false, 0L, CREATED, STARTED, null, null);
        assertEquals(NOW, ServiceHealthMapping.fromInspect(none, NOW).since());
    }

    private static ServiceState state(HealthCheck check) {
        return ServiceHealthMapping.fromInspect(container("running", true, false, 0L, check), NOW).state();
    }

    // ---- a snapshot ----

    @Test
    void eachContainerInOrderThenMissingForKnownServicesWithoutOne() {
        Map<String, ServiceHealth> before = Map.of(
                "radarr", new ServiceHealth("radarr", ServiceState.HEALTHY, NOW, "", null, "r1"),
                "gone", ServiceHealth.missing("gone", NOW),
                "sonarr", new ServiceHealth("sonarr", ServiceState.STARTING, NOW, "", null, "old"));
        Inspected old = new Inspected("old", "sonarr", "exited", false, false, 0L, CREATED, STARTED, FINISHED, null);
        Inspected fresh = new Inspected("new", "sonarr", "running", true, false, 0L, CREATED, STARTED, NEVER, null);
        List<ServiceHealth> changes = ServiceHealthMapping.snapshot(before, List.of(old, fresh), NOW);
        assertEquals(List.of("old", "new"), changes.subList(0, 2).stream().map(ServiceHealth::containerId).toList());
        // radarr has no container any more; "gone" was missing already and says nothing new.
        assertEquals(List.of(ServiceHealth.missing("radarr", NOW)), changes.subList(2, changes.size()));
        // Applied in order, the newest container of a service is what is left.
        assertEquals("new", applyAll(before, changes).get("sonarr").containerId());
    }

    @Test
    void anEmptyProjectWithNothingKnownSaysNothing() {
        assertEquals(List.of(), ServiceHealthMapping.snapshot(Map.of(), List.of(), NOW));
    }

    // ---- what an event says ----

    @Test
    void createIsCreated() {
        assertEquals(new ServiceHealth("sonarr", ServiceState.CREATED, at, "", null, "c1"), seen("create", "c1"));
        assertEquals(List.of(), engine.asked, "create needs no inspect");
    }

    @Test
    void startIsStartingWithAHealthCheckElseRunning() {
        engine.withHealthcheck.add("c1");
        assertEquals(ServiceState.STARTING, seen("start", "c1").state());
        assertEquals(ServiceState.RUNNING, seen("start", "c2").state());
        assertEquals(ServiceState.STARTING, seen("restart", "c1").state());
        assertEquals(ServiceState.RUNNING, seen("restart", "c2").state());
    }

    @Test
    void aNewContainerStartingReplacesTheOldOne() {
        known.put("sonarr", new ServiceHealth("sonarr", ServiceState.HEALTHY, NOW, "", null, "old"));
        assertEquals("new", seen("start", "new").containerId());
        assertEquals("new", seen("create", "new").containerId());
    }

    @Test
    void healthStatusHealthyIsHealthy() {
        known.put("sonarr", new ServiceHealth("sonarr", ServiceState.STARTING, NOW, "", null, "c1"));
        assertEquals(new ServiceHealth("sonarr", ServiceState.HEALTHY, at, "", null, "c1"),
                seen("health_status: healthy", "c1"));
    }

    @Test
    void healthStatusUnhealthyCarriesTheLastCheckOutput() {
        engine.checks.put("c1", new HealthCheck("unhealthy", new CheckRun(1L, "connection refused")));
        ServiceHealth h = seen("health_status: unhealthy", "c1");
        assertEquals(ServiceState.UNHEALTHY, h.state());
        assertEquals("health check exit 1: connection refused", h.detail());
        // Removed before we could ask: unhealthy all the same, with nothing to add.
        assertEquals("", seen("health_status: unhealthy", "c9").detail());
    }

    @Test
    void healthStatusStartingAddsNothingToWhatStartSaid() {
        assertEquals(Optional.empty(), event("health_status: starting", "c1", attributes("sonarr")));
    }

    @Test
    void dieIsExitedWithTheCodeOrRestartingWhenDockerBringsItBack() {
        ServiceHealth exited = seen("die", "c1", Map.of("exitCode", "3"));
        assertEquals(ServiceState.EXITED, exited.state());
        assertEquals("exit code 3", exited.detail());
        assertEquals(at, exited.since());
        engine.restarting.add("c1");
        ServiceHealth restarting = seen("die", "c1", Map.of("exitCode", "137"));
        assertEquals(ServiceState.RESTARTING, restarting.state());
        assertEquals("exit code 137", restarting.detail());
        assertEquals("", seen("die", "c2").detail(), "no exit code given");
    }

    @Test
    void destroyIsMissingWithNoContainer() {
        known.put("sonarr", new ServiceHealth("sonarr", ServiceState.EXITED, NOW, "exit code 0", null, "c1"));
        ServiceHealth h = seen("destroy", "c1");
        assertEquals(ServiceState.MISSING, h.state());
        assertNull(h.containerId());
        assertEquals(at, h.since());
    }

    @Test
    void newsOfAContainerTheServiceMovedOnFromIsIgnored() {
        known.put("sonarr", new ServiceHealth("sonarr", ServiceState.RUNNING, NOW, "", null, "new"));
        engine.checks.put("old", new HealthCheck("unhealthy", null));
        for (String action : List.of("health_status: healthy", "health_status: unhealthy", "die", "destroy")) {
            assertEquals(Optional.empty(), event(action, "old", attributes("sonarr")), action);
        }
        assertEquals(List.of(), engine.asked, "an old container's news costs no inspect");
    }

    @Test
    void aServiceKnownAsMissingTakesNewsOfAnyContainer() {
        known.put("sonarr", ServiceHealth.missing("sonarr", NOW));
        assertEquals(ServiceState.HEALTHY, seen("health_status: healthy", "c5").state());
    }

    @Test
    void execsOtherProjectsUnlabelledContainersAndActionlessEventsSayNothing() {
        assertEquals(Optional.empty(), event("exec_start: /bin/sh -c true", "c1", attributes("sonarr")));
        assertEquals(Optional.empty(), event("exec_die", "c1", attributes("sonarr")));
        Map<String, String> otherProject = Map.of(ComposeLabels.PROJECT, "other", ComposeLabels.SERVICE, "sonarr");
        assertEquals(Optional.empty(), event("start", "c1", otherProject));
        assertEquals(Optional.empty(), event("start", "c1", Map.of(ComposeLabels.PROJECT, PROJECT)));
        assertEquals(Optional.empty(), event(null, "c1", attributes("sonarr")));
        assertEquals(Optional.empty(), ServiceHealthMapping.fromEvent(PROJECT, new EngineEvent("start", "c1", null, at),
                known, engine));
        assertEquals(List.of(), engine.asked);
    }

    private ServiceHealth seen(String action, String id) {
        return seen(action, id, Map.of());
    }

    private ServiceHealth seen(String action, String id, Map<String, String> extra) {
        Map<String, String> attrs = new HashMap<>(attributes("sonarr"));
        attrs.putAll(extra);
        return event(action, id, attrs).orElseThrow(() -> new AssertionError(action + " said nothing"));
    }

    private Optional<ServiceHealth> event(String action, String id, Map<String, String> attributes) {
        return ServiceHealthMapping.fromEvent(PROJECT, new EngineEvent(action, id, attributes, at), known, engine);
    }

    private static Map<String, String> attributes(String service) {
        return Map.of(ComposeLabels.PROJECT, PROJECT, ComposeLabels.SERVICE, service, "name", PROJECT + "-" + service + "-1");
    }

    // ---- what is news ----

    @Test
    void aFirstSightingIsNews() {
        ServiceHealth seen = new ServiceHealth("sonarr", ServiceState.STARTING, NOW, "", null, "c1");
        assertSame(seen, ServiceHealthMapping.next(null, seen).orElseThrow());
    }

    @Test
    void aReplayedEventIsNoNewsEvenWithAnotherTime() {
        ServiceHealth before = new ServiceHealth("sonarr", ServiceState.EXITED, NOW, "exit code 1", PASSED, "c1");
        ServiceHealth replay = new ServiceHealth("sonarr", ServiceState.EXITED, NOW.minusSeconds(5), "exit code 1", null, "c1");
        assertEquals(Optional.empty(), ServiceHealthMapping.next(before, replay));
    }

    @Test
    void anotherStateDetailOrContainerIsNewsAndKeepsTheLastProbe() {
        ServiceHealth before = new ServiceHealth("sonarr", ServiceState.RUNNING, NOW, "", PASSED, "c1");
        for (ServiceHealth seen : List.of(
                new ServiceHealth("sonarr", ServiceState.EXITED, NOW, "", null, "c1"),
                new ServiceHealth("sonarr", ServiceState.RUNNING, NOW, "exit code 2", null, "c1"),
                new ServiceHealth("sonarr", ServiceState.RUNNING, NOW, "", null, "c2"))) {
            ServiceHealth after = ServiceHealthMapping.next(before, seen).orElseThrow();
            assertEquals(seen.withProbe(PASSED), after);
        }
    }

    /** An answering page counts as up, so a page that answered before a restart must not vouch for the new start. */
    @Test
    void aStartDropsTheProbeOfTheRunBefore() {
        ServiceHealth exited = new ServiceHealth("sonarr", ServiceState.EXITED, NOW, "exit code 1", PASSED, "c1");
        ServiceHealth starting = new ServiceHealth("sonarr", ServiceState.STARTING, NOW, "", null, "c1");
        assertEquals(starting, ServiceHealthMapping.next(exited, starting).orElseThrow());
        ServiceHealth healthy = new ServiceHealth("sonarr", ServiceState.HEALTHY, NOW, "", null, "c1");
        assertEquals(healthy.withProbe(PASSED), ServiceHealthMapping.next(starting.withProbe(PASSED), healthy).orElseThrow());
    }

    private static Map<String, ServiceHealth> applyAll(Map<String, ServiceHealth> known, List<ServiceHealth> changes) {
        Map<String, ServiceHealth> state = new HashMap<>(known);
        for (ServiceHealth seen : changes) {
            ServiceHealthMapping.next(state.get(seen.service()), seen).ifPresent(h -> state.put(h.service(), h));
        }
        return state;
    }

    /** What the engine would answer about containers, and which questions were asked. */
    private static final class Engine implements ServiceHealthMapping.Containers {
        final Set<String> withHealthcheck = new java.util.HashSet<>();
        final Set<String> restarting = new java.util.HashSet<>();
        final Map<String, HealthCheck> checks = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean hasHealthcheck(String containerId) {
            asked.add("hasHealthcheck " + containerId);
            return withHealthcheck.contains(containerId);
        }

        @Override
        public boolean restarting(String containerId) {
            asked.add("restarting " + containerId);
            return restarting.contains(containerId);
        }

        @Override
        public Optional<HealthCheck> healthCheck(String containerId) {
            asked.add("healthCheck " + containerId);
            return Optional.ofNullable(checks.get(containerId));
        }
    }
}

package dev.berth.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the monitor knows, what it tells listeners and when a wait ends: no engine needed. */
class KnownHealthTest {
    private static final Instant T = Instant.parse("2026-12-05T03:00:00Z");
    private final KnownHealth known = new KnownHealth();
    private final List<ServiceHealth> told = new ArrayList<>();

    private static ServiceHealth health(String service, ServiceState state) {
        return new ServiceHealth(service, state, T, "", null, service + "-1");
    }

    private static ProbeResult probe(boolean ok) {
        return new ProbeResult(ok, "http://127.0.0.1:8096/health", ok ? "" : "refused", T);
    }

    @Test
    void aReplayedChangeIsToldOnceAndAFaultyListenerStopsNoOne() {
        known.addListener(h -> {
            throw new IllegalStateException("a broken display");
        });
        known.addListener(told::add);
        known.apply(health("jellyfin", ServiceState.STARTING));
        known.apply(health("jellyfin", ServiceState.STARTING));
        known.apply(health("jellyfin", ServiceState.HEALTHY));
        assertEquals(List.of(ServiceState.STARTING, ServiceState.HEALTHY), told.stream().map(ServiceHealth::state).toList());
        assertEquals(ServiceState.HEALTHY, known.get("jellyfin").state());
        assertEquals(ServiceState.MISSING, known.get("nonesuch").state());
    }

    @Test
    void onlyAProbeVerdictThatFlipsIsNewsButTheLatestIsKept() {
        known.apply(health("jellyfin", ServiceState.RUNNING));
        known.addListener(told::add);
        ProbeResult failed = probe(false);
        ProbeResult failedAgain = new ProbeResult(false, failed.url(), "timed out", T.plusSeconds(2));
        known.recordProbe("jellyfin", failed);
        known.recordProbe("jellyfin", failedAgain);
        known.recordProbe("jellyfin", probe(true));
        assertEquals(List.of(false, true), told.stream().map(h -> h.probe().ok()).toList());
        known.recordProbe("jellyfin", failedAgain);
        assertEquals(failedAgain, known.get("jellyfin").probe());
        // Docker's next word keeps the probe.
        known.apply(health("jellyfin", ServiceState.EXITED));
        assertEquals(failedAgain, known.get("jellyfin").probe());
    }

    @Test
    void aWaitEndsWhenEveryServiceIsUpOrNamesThoseThatAreNot() throws Exception {
        known.apply(health("sonarr", ServiceState.HEALTHY));
        known.apply(health("radarr", ServiceState.UNHEALTHY));
        Map<String, ServiceHealth> up = known.await(Duration.ZERO, Set.of("sonarr"), h -> h.state().up(), () -> false);
        assertEquals(Set.of("sonarr"), up.keySet());
        NotHealthyException late = assertThrows(NotHealthyException.class,
                () -> known.await(Duration.ZERO, Set.of("sonarr", "radarr", "absent"), h -> h.state().up(), () -> false));
        assertEquals(Set.of("radarr", "absent"), late.notUp().keySet());
        assertEquals("Not up after 0 s: absent: missing; radarr: unhealthy", late.getMessage());
        NotHealthyException stopped = assertThrows(NotHealthyException.class,
                () -> known.await(Duration.ofMinutes(5), Set.of("radarr"), h -> h.state().up(), () -> true));
        assertEquals("Stopped waiting (monitor closed): radarr: unhealthy", stopped.getMessage());
    }
}

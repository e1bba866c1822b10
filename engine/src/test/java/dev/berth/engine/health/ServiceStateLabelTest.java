package dev.berth.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceStateLabelTest {
    private static ServiceHealth starting(ProbeResult probe) {
        return new ServiceHealth("jellyfin", ServiceState.STARTING, Instant.EPOCH, "", probe, "c1");
    }

    @Test
    void aStartingServiceWhosePageAnswersReadsAnsweringAndOthersKeepDockersWord() {
        assertEquals("answering", starting(new ProbeResult(true, "http://localhost:8096/health", "HTTP 200", Instant.EPOCH)).label());
        assertEquals("starting", starting(null).label());
        assertEquals("healthy", ServiceState.HEALTHY.label(true));
        assertEquals("unhealthy", ServiceState.UNHEALTHY.label(true));
    }
}

package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.health.ProbeAddress;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which services a deploy's health probe asks, and where. */
class ServiceReportsTest {
    @Test
    void appsWithNoHostPortAreProbedAtThePortInsideTheStacksNetwork() {
        // Domain mode: the apps behind Authelia publish no host port.
        StackPlan plan = DeployFixtures.plan(dev.berth.testsupport.Examples.answers("full-wireguard"));
        Map<String, ProbeAddress> web = ServiceReports.webEndpoints(plan);
        List<PlannedService> unpublished = plan.services().stream()
                .filter(s -> s.definition().web() != null && s.webPort() != 0 && s.hostWebPort() == 0).toList();
        assertFalse(unpublished.isEmpty(), "the full example has apps behind Authelia only");
        for (PlannedService s : plan.services()) {
            if (s.definition().web() == null || s.webPort() == 0) {
                continue;
            }
            assertEquals(new ProbeAddress(s.hostWebPort(), s.webPort(), s.definition().web().healthPath()), web.get(s.name()),
                    s.name());
        }
        assertTrue(web.keySet().containsAll(unpublished.stream().map(PlannedService::name).toList()), web.keySet().toString());
    }

    @Test
    void aServiceOnAnotherHostIsReportedAtThatHostsAddress() {
        StackPlan plan = DeployFixtures.plan(dev.berth.testsupport.Examples.answers("minimal-jellyfin"));
        PlannedService jellyfin = plan.service("jellyfin").orElseThrow();
        String alone = ServiceReports.webUrl(plan, jellyfin);

        String placed = ServiceReports.webUrl(plan.withServiceAddresses(Map.of("jellyfin", "192.168.1.30")), jellyfin);

        assertEquals("http://192.168.1.30:" + jellyfin.hostWebPort() + "/", placed, "on one host it was " + alone);
    }
}

package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.deploy.HostedService;
import dev.berth.engine.health.ServiceState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** berth status of a stack across hosts: a HOST column, Swarm's choice marked, "-" for a service that runs nowhere. */
class HostTableTest {
    @Test
    void eachServiceWithItsHost() {
        List<HostedService> services = List.of(
                new HostedService("nas", false, new DeployReport.ServiceReport("sonarr", ServiceState.HEALTHY, "", "http://10.0.0.2:8989/", List.of(), true)),
                new HostedService("pc", true, new DeployReport.ServiceReport("flaresolverr", ServiceState.HEALTHY, "", null, List.of(), true)),
                new HostedService("", false, new DeployReport.ServiceReport("radarr", ServiceState.MISSING, "", null, List.of(), false)));
        StringWriter text = new StringWriter();

        ReportPrinter.hostTable(services, new PrintWriter(text, true));

        assertEquals("""
                SERVICE       HOST        STATE       OPEN AT
                sonarr        nas         healthy     http://10.0.0.2:8989/
                flaresolverr  pc (Swarm)  healthy     -
                radarr        -           missing     -
                """, text.toString());
    }
}

package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import dev.berth.answers.VpnAnswers;
import dev.berth.plan.HostAssignment;
import dev.berth.plan.HostLayout;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.SharedSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The manager's swarm/stack.yaml holds the Swarm-scheduled services, free to start on any host of the stack. */
class SwarmStackFileTest {
    private static final StackPlan PLAN = Examples.repeatablePlanner().plan(Examples.answers("full-wireguard").withVpn(VpnAnswers.OFF), Map.of());
    private static final PlannedStack WHOLE = new PlannedStack(PLAN, new Renderer().render(PLAN));

    @Test
    void aSwarmScheduledServiceMayStartOnAnyHostOfTheStackOverTheOverlay() throws IOException {
        JsonNode stack = read(SwarmStackFile.render(WHOLE, layout("flaresolverr")).orElseThrow());
        assertEquals(List.of("flaresolverr"), names(stack.get("services")));
        JsonNode flare = stack.get("services").get("flaresolverr");
        JsonNode compose = new YAMLMapper().readTree(WHOLE.rendered().text("compose.yaml")).get("services").get("flaresolverr");
        assertEquals(compose.get("image"), flare.get("image"));
        assertEquals(compose.get("healthcheck"), flare.get("healthcheck"));
        // On the stack's label, not the chosen host's: a constraint on one host would keep Swarm from moving it when that host dies.
        assertEquals("[\"node.labels.berth.stack." + PLAN.projectName() + " == true\"]", flare.at("/deploy/placement/constraints").toString());
        assertEquals("node.labels.berth.host", flare.at("/deploy/placement/preferences/0/spread").asText());
        assertEquals("any", flare.at("/deploy/restart_policy/condition").asText());
        // Its name resolves to the task that runs now, never to a virtual IP still pointing at a dead host's task.
        assertEquals("dnsrr", flare.at("/deploy/endpoint_mode").asText());
        assertFalse(flare.has("restart"));
        assertFalse(flare.has("depends_on"));
        assertEquals("[\"berth\"]", flare.get("networks").toString());
        assertTrue(stack.at("/networks/berth/external").asBoolean());
        assertEquals(PLAN.projectName() + "-overlay", stack.at("/networks/berth/name").asText());
        assertEquals(SwarmStackFile.VERSION, stack.get("version").asText());
    }

    @Test
    void noSwarmScheduledServiceNoStackFile() {
        assertTrue(SwarmStackFile.render(WHOLE, layout()).isEmpty());
    }

    @Test
    void secretsComeFromTheManagersSecretsFolderPortsArePublishedWhereTheTaskRunsAndStartIntervalGoes() throws IOException {
        PlannedStack handMade = new PlannedStack(PLAN, new RenderedStack(Map.of("compose.yaml", RenderedFile.text("""
                services:
                  flaresolverr:
                    image: example.org/f:1
                    ports: ["18191:8191/tcp"]
                    secrets: [api_key]
                    healthcheck: { test: [CMD, "true"], start_period: 60s, start_interval: 2s }
                """))));
        JsonNode stack = read(SwarmStackFile.render(handMade, layout("flaresolverr")).orElseThrow());
        assertEquals("../secrets/api_key", stack.at("/secrets/api_key/file").asText());
        assertEquals("[\"api_key\"]", stack.at("/services/flaresolverr/secrets").toString());
        assertFalse(stack.at("/services/flaresolverr/healthcheck").has("start_interval"));
        assertEquals("60s", stack.at("/services/flaresolverr/healthcheck/start_period").asText());
        assertEquals("{\"target\":8191,\"published\":18191,\"protocol\":\"tcp\",\"mode\":\"host\"}",
                stack.at("/services/flaresolverr/ports/0").toString());
    }

    @Test
    void aServiceWithFoldersIsRefusedNamingWhatToChange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SwarmStackFile.render(WHOLE, layout("sonarr")));
        assertEquals("sonarr mounts folders or uses one host's network or devices, so Swarm cannot move it; remove it from placement.swarm",
                e.getMessage());
    }

    @Test
    void followsTheComposeSpec() throws IOException {
        Path file = SharedSchemas.require("compose-spec.json", "swarm/stack.yaml against the Compose Specification's JSON Schema");
        var schema = JsonSchemaFactory.getInstance(VersionFlag.V7).getSchema(file.toUri(), new ObjectMapper().readTree(file.toFile()));
        Set<ValidationMessage> errors = schema.validate(read(SwarmStackFile.render(WHOLE, layout("flaresolverr")).orElseThrow()));
        assertTrue(errors.isEmpty(), errors::toString);
    }

    /** Every service on host nas, the named ones scheduled by Swarm. */
    private static HostLayout layout(String... swarm) {
        Map<String, HostAssignment> services = new LinkedHashMap<>();
        for (PlannedService s : PLAN.services()) {
            boolean bySwarm = List.of(swarm).contains(s.name());
            services.put(s.name(), new HostAssignment(s.name(), "nas", false, bySwarm, List.of("test layout")));
        }
        return new HostLayout(List.of("nas", "pc"), services, "nas");
    }

    private static JsonNode read(RenderedFile file) throws IOException {
        return new YAMLMapper().readTree(file.text());
    }

    private static List<String> names(JsonNode services) {
        List<String> names = new java.util.ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

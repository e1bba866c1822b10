package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import dev.berth.answers.Answers;
import dev.berth.answers.VpnAnswers;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.SharedSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gluetun's rendered settings (auth file folder, port forwarding, restart through Compose) through
 * the real Compose programs and the Compose Specification's schema: the restart only where the
 * target's Compose takes it.
 */
class GluetunComposeTest {
    private static final ComposeDialect V2_26 = new ComposeDialect(2, 26);

    @TempDir
    Path tmp;

    /** The full example's apps with ProtonVPN over WireGuard: qBittorrent routed, so its port is forwarded. */
    private static StackPlan forwardingPlan() {
        Answers full = Examples.answers("full-wireguard");
        VpnAnswers v = full.vpn();
        return Examples.repeatablePlanner().plan(full.withVpn(new VpnAnswers(true, "protonvpn", VpnAnswers.Type.WIREGUARD,
                v.wireguard(), null, List.of(), v.routedServices(), v.lanSubnet())), Map.of());
    }

    private Path write(ComposeDialect dialect, String name) throws IOException {
        Path dir = tmp.resolve(name);
        FolderExport.write(new Renderer().render(forwardingPlan(), dialect), dir);
        return dir;
    }

    @Test
    void composeV2TakesTheRestartOfRoutedAppsWithGluetun() throws IOException {
        Path docker = ExternalTool.require("docker", "apt-get install docker.io");
        ComposeToolsTest.composeV2();
        Path dir = write(V2_26, "v2");

        ExternalTool.Result config = ExternalTool.run(dir, List.of(docker.toString(), "compose", "config"));

        assertEquals(0, config.exitCode(), config.output());
        JsonNode qbittorrent = new YAMLMapper().readTree(config.output()).get("services").get("qbittorrent");
        assertTrue(qbittorrent.get("depends_on").get("gluetun").get("restart").asBoolean(), config.output());
        JsonNode gluetun = new YAMLMapper().readTree(config.output()).get("services").get("gluetun");
        assertEquals("on", gluetun.get("environment").get("VPN_PORT_FORWARDING").asText());
        assertEquals("on", gluetun.get("environment").get("PORT_FORWARD_ONLY").asText());
        assertTrue(gluetun.get("volumes").toString().contains("\"target\":\"/gluetun/auth\",\"read_only\":true"), gluetun.toString());
    }

    @Test
    void composeV1TakesTheFileWithoutTheRestart() throws IOException {
        Path dir = write(ComposeDialect.V1_COMPATIBLE, "v1");
        assertFalse(Files.readString(dir.resolve("compose.yaml")).contains("restart: true"));

        ExternalTool.Result config = ExternalTool.run(dir, List.of(ComposeToolsTest.composeV1().toString(), "config", "-q"));

        assertEquals(0, config.exitCode(), config.output());
    }

    /** Why the dialect exists: docker-compose 1.29 refuses what Compose 2.17+ takes. */
    @Test
    void composeV1RefusesTheRestart() throws IOException {
        Path dir = write(V2_26, "v2-for-v1");

        ExternalTool.Result config = ExternalTool.run(dir, List.of(ComposeToolsTest.composeV1().toString(), "config", "-q"));

        assertNotEquals(0, config.exitCode(), "docker-compose 1.29 took depends_on.restart:\n" + config.output());
        assertTrue(config.output().contains("restart"), config.output());
    }

    @Test
    void bothDialectsFollowTheComposeSpec() throws IOException {
        Path file = SharedSchemas.require("compose-spec.json", "Gluetun's settings against the Compose Specification's JSON Schema");
        var schema = JsonSchemaFactory.getInstance(VersionFlag.V7).getSchema(file.toUri(), new ObjectMapper().readTree(file.toFile()));
        for (ComposeDialect dialect : List.of(ComposeDialect.V1_COMPATIBLE, V2_26)) {
            String compose = new Renderer().render(forwardingPlan(), dialect).text("compose.yaml");
            Set<ValidationMessage> errors = schema.validate(new YAMLMapper().readTree(compose));
            assertTrue(errors.isEmpty(), () -> dialect + ": " + errors);
        }
    }

    @Test
    void theVersionDecidesTheRestart() {
        assertFalse(ComposeDialect.V1_COMPATIBLE.restartsDependents());
        assertFalse(ComposeDialect.parse("2.16.0").restartsDependents());
        assertTrue(ComposeDialect.parse("v2.17.0").restartsDependents());
        assertTrue(ComposeDialect.parse("2.26.1-desktop.1").restartsDependents());
        assertFalse(ComposeDialect.parse("1.29.2").restartsDependents());
        assertTrue(ComposeDialect.parse("5.0.0").restartsDependents());
    }
}

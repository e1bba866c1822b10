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
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.SharedSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How soon the first health checks come, by the target's Docker engine and Compose: start_interval
 * where both take it, else a short interval only on the services others wait on to be healthy,
 * and either file accepted by the real Compose programs it is meant for.
 */
class FirstHealthChecksTest {
    private static final DockerEngineVersion DOCKER_25 = DockerEngineVersion.parse("25.0.3");
    private static final ComposeDialect NEW = ComposeDialect.parse("2.26.1").on(DOCKER_25);
    /** This machine's engine: Compose v2 on Docker 20.10, which refuses start_interval. */
    private static final ComposeDialect OLD_ENGINE = ComposeDialect.parse("2.26.1").on(DockerEngineVersion.parse("20.10.24"));

    @TempDir
    Path tmp;

    private static StackPlan full() {
        return Examples.repeatablePlanner().plan(Examples.answers("full-wireguard"), Map.of());
    }

    private static JsonNode services(ComposeDialect dialect) throws IOException {
        return new YAMLMapper().readTree(new Renderer().render(full(), dialect).text("compose.yaml")).get("services");
    }

    private Path write(ComposeDialect dialect, String name) throws IOException {
        Path dir = tmp.resolve(name);
        FolderExport.write(new Renderer().render(full(), dialect), dir);
        return dir;
    }

    @Test
    void theEngineAndComposeDecideTheStartInterval() {
        assertTrue(NEW.quickFirstChecks());
        assertFalse(OLD_ENGINE.quickFirstChecks(), "Docker 20.10 refuses start_interval");
        assertFalse(ComposeDialect.V1_COMPATIBLE.on(DOCKER_25).quickFirstChecks(), "docker-compose 1.29 refuses the key");
        assertFalse(ComposeDialect.parse("2.20.0").on(DOCKER_25).quickFirstChecks(), "Compose reads it from 2.20.2");
        assertFalse(ComposeDialect.parse("2.26.1").quickFirstChecks(), "an engine not asked is taken for the oldest");
        assertTrue(ComposeDialect.parse("2.21.0").on(DockerEngineVersion.parse("27.3.1-1")).quickFirstChecks());
        assertEquals(new DockerEngineVersion(24, 0), DockerEngineVersion.parse("v24.0.7"));
    }

    @Test
    void anUnreadableEngineVersionSaysWhatToWrite() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DockerEngineVersion.parse("latest"));
        assertTrue(e.getMessage().contains("e.g. 25.0.3"), e.getMessage());
    }

    /** On Docker 25+ every health check Berth writes starts checking within seconds; the steady interval stays. */
    @Test
    void dockerTwentyFiveGetsStartIntervalAndKeepsTheCatalogsInterval() throws IOException {
        JsonNode services = services(NEW);
        int checked = 0;
        for (var it = services.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            JsonNode health = e.getValue().get("healthcheck");
            if (health == null) {
                continue;
            }
            checked++;
            assertEquals("2s", health.path("start_interval").asText(), e.getKey() + ": " + health);
            assertFalse(health.path("start_period").asText().isEmpty(), e.getKey() + ": " + health);
        }
        assertTrue(checked > 10, "the full example writes health checks for most apps: " + checked);
        assertEquals("30s", services.get("sonarr").get("healthcheck").get("interval").asText());
        assertEquals("10s", services.get("redis").get("healthcheck").get("interval").asText(),
                "start_interval makes the short steady interval unneeded");
    }

    /**
     * Older engines, and the file written without a target: no start_interval, and only what
     * others wait on to be healthy (Redis, for Authelia) checks every 2 s.
     */
    @Test
    void olderEnginesGetAShortIntervalOnlyWhereOthersWaitForHealth() throws IOException {
        for (ComposeDialect dialect : List.of(ComposeDialect.V1_COMPATIBLE, OLD_ENGINE)) {
            String text = new Renderer().render(full(), dialect).text("compose.yaml");
            assertFalse(text.contains("start_interval"), dialect + " on " + dialect.engine());
            JsonNode services = services(dialect);
            assertEquals("2s", services.get("redis").get("healthcheck").get("interval").asText());
            assertEquals("30s", services.get("sonarr").get("healthcheck").get("interval").asText());
            assertEquals("10s", services.get("npm").get("healthcheck").get("interval").asText(),
                    "nothing waits for NPM to be healthy any more");
        }
    }

    @Test
    void composeV2TakesTheStartInterval() throws IOException {
        ExternalTool.require("docker", "apt-get install docker.io");
        Path plugin = ComposeToolsTest.composeV2();
        Path dir = write(NEW, "new");

        ExternalTool.Result config = ExternalTool.run(dir, List.of(plugin.toString(), "config"));

        assertEquals(0, config.exitCode(), config.output());
        JsonNode sonarr = new YAMLMapper().readTree(config.output()).get("services").get("sonarr");
        assertEquals("2s", sonarr.get("healthcheck").get("start_interval").asText(), sonarr.toString());
    }

    @Test
    void bothComposeProgramsTakeTheFileForOlderEngines() throws IOException {
        Path dir = write(ComposeDialect.V1_COMPATIBLE, "old");

        ExternalTool.Result v1 = ExternalTool.run(dir, List.of(ComposeToolsTest.composeV1().toString(), "config", "-q"));
        ExternalTool.Result v2 = ExternalTool.run(dir, List.of(ComposeToolsTest.composeV2().toString(), "config", "-q"));

        assertEquals(0, v1.exitCode(), v1.output());
        assertEquals(0, v2.exitCode(), v2.output());
    }

    /** Why the engine is asked: docker-compose 1.29 refuses start_interval outright. */
    @Test
    void composeV1RefusesTheStartInterval() throws IOException {
        Path dir = write(NEW, "new-for-v1");

        ExternalTool.Result config = ExternalTool.run(dir, List.of(ComposeToolsTest.composeV1().toString(), "config", "-q"));

        assertNotEquals(0, config.exitCode(), "docker-compose 1.29 took start_interval:\n" + config.output());
        assertTrue(config.output().contains("start_interval"), config.output());
    }

    @Test
    void bothFollowTheComposeSpec() throws IOException {
        Path file = SharedSchemas.require("compose-spec.json", "health-check settings against the Compose Specification's JSON Schema");
        var schema = JsonSchemaFactory.getInstance(VersionFlag.V7).getSchema(file.toUri(), new ObjectMapper().readTree(file.toFile()));
        for (ComposeDialect dialect : List.of(ComposeDialect.V1_COMPATIBLE, OLD_ENGINE, NEW)) {
            String compose = new Renderer().render(full(), dialect).text("compose.yaml");
            Set<ValidationMessage> errors = schema.validate(new YAMLMapper().readTree(compose));
            assertTrue(errors.isEmpty(), () -> dialect + " on " + dialect.engine() + ": " + errors);
        }
    }
}

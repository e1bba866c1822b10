package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.RepoPaths;
import dev.berth.testsupport.SharedSchemas;
import dev.berth.testsupport.TwoHostStacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two-host stack ({@link TwoHostStacks}) split per host: each host's files equal their golden
 * copies under {@code golden/two-hosts/<host>/}, and each host's compose.yaml is a Compose project
 * of its own for the Compose Specification's schema, docker-compose 1.29 and Compose v2. After an
 * intended change, run {@code -Dtest=ClusterFilesTest -Dberth.updateGolden=true} and review the diff.
 */
class ClusterFilesTest {
    private static final Path GOLDEN = RepoPaths.root().resolve("compose-templates/src/test/resources/golden/two-hosts");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {TwoHostStacks.NAS, TwoHostStacks.PC})
    void eachHostsFilesAreTheGoldenFiles(String host) throws IOException {
        RenderedStack stack = share(host).rendered();
        Path dir = GOLDEN.resolve(host);
        if (Boolean.getBoolean("berth.updateGolden")) {
            if (Files.exists(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            FolderExport.write(stack, dir);
        }
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> expected.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(expected, new TreeSet<>(stack.files().keySet()), "the set of files for " + host);
        for (Map.Entry<String, RenderedFile> e : stack.files().entrySet()) {
            assertEquals(Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8), e.getValue().text(),
                    "two-hosts/" + host + "/" + e.getKey() + " differs from its golden copy (if intended, re-run with -Dberth.updateGolden=true)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TwoHostStacks.NAS, TwoHostStacks.PC})
    void eachHostsComposeFileFollowsTheComposeSpec(String host) throws IOException {
        Path file = SharedSchemas.require("compose-spec.json", "each host's compose.yaml against the Compose Specification's JSON Schema");
        JsonSchema schema = JsonSchemaFactory.getInstance(VersionFlag.V7).getSchema(file.toUri(), new ObjectMapper().readTree(file.toFile()));
        JsonNode compose = new YAMLMapper().readTree(share(host).rendered().text("compose.yaml"));

        Set<ValidationMessage> errors = schema.validate(compose);

        assertTrue(errors.isEmpty(), () -> host + "/compose.yaml breaks the Compose schema:\n"
                + errors.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {TwoHostStacks.NAS, TwoHostStacks.PC})
    void composeV1AcceptsEachHost(String host) throws IOException {
        Path tool = ComposeToolsTest.composeV1();

        assertAccepted(host, "docker-compose 1.29", List.of(tool.toString(), "config", "-q"));
    }

    @ParameterizedTest
    @ValueSource(strings = {TwoHostStacks.NAS, TwoHostStacks.PC})
    void composeV2AcceptsEachHost(String host) throws IOException {
        Path docker = ExternalTool.require("docker", "apt-get install docker.io");
        ComposeToolsTest.composeV2();

        assertAccepted(host, "docker compose", List.of(docker.toString(), "compose", "config", "-q"));
    }

    /** Proves the tools read the external network: Compose refuses a service on a network the file does not declare. */
    @Test
    void composeV2RefusesAHostWhoseNetworkIsNotDeclared() throws IOException {
        Path docker = ExternalTool.require("docker", "apt-get install docker.io");
        ComposeToolsTest.composeV2();
        Path dir = tmp.resolve("pc");
        FolderExport.write(share(TwoHostStacks.PC).rendered(), dir);
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, Files.readString(compose).replace("networks:\n  berth:\n    external: true\n    name: berth-overlay\n", ""));

        ExternalTool.Result result = ExternalTool.run(dir, List.of(docker.toString(), "compose", "config", "-q"));

        assertTrue(result.exitCode() != 0 && result.output().contains("berth"), () -> "Compose accepted an undeclared network:\n" + result.output());
    }

    private void assertAccepted(String host, String tool, List<String> command) throws IOException {
        Path dir = tmp.resolve(host);
        FolderExport.write(share(host).rendered(), dir);

        ExternalTool.Result result = ExternalTool.run(dir, command);

        assertEquals(0, result.exitCode(), () -> tool + " rejected " + host + "/compose.yaml:\n" + result.output());
    }

    private static HostShare share(String host) {
        return TwoHostStacks.split().stream().filter(s -> s.host().equals(host)).findFirst().orElseThrow();
    }
}

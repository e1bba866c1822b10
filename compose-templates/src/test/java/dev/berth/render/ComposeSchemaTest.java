package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ForwardingStacks;
import dev.berth.testsupport.SharedSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example's compose.yaml against the Compose Specification's own JSON Schema (draft-07). */
class ComposeSchemaTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static JsonSchema schema;

    /** Before each test, not once for the class: Surefire counts and shows a skip only per test. */
    @BeforeEach
    void loadSchema() throws IOException {
        Path file = SharedSchemas.require("compose-spec.json", "each example's compose.yaml against the Compose Specification's JSON Schema");
        if (schema == null) {
            // Its "$id" is relative (compose_spec.json), so the validator needs the file's own URI as the base.
            schema = JsonSchemaFactory.getInstance(VersionFlag.V7).getSchema(file.toUri(), new ObjectMapper().readTree(file.toFile()));
        }
    }

    static List<String> examples() {
        return Examples.names();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void composeFileFollowsTheComposeSpec(String example) throws IOException {
        JsonNode compose = YAML.readTree(Examples.render(example).text("compose.yaml"));

        Set<ValidationMessage> errors = schema.validate(compose);

        assertTrue(errors.isEmpty(), () -> example + "/compose.yaml breaks the Compose schema:\n" + describe(errors));
    }

    /** With the VPN's forwarded port pushed into the torrent client: Gluetun's hooks, their folder and the client's password. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"qbittorrent", "transmission"})
    void aStackWithPortForwardingFollowsTheComposeSpec(String torrentClient) throws IOException {
        StackPlan plan = Examples.repeatablePlanner().plan(ForwardingStacks.protonVpn(torrentClient), java.util.Map.of());
        JsonNode compose = YAML.readTree(new Renderer().render(plan).text("compose.yaml"));

        Set<ValidationMessage> errors = schema.validate(compose);

        assertTrue(errors.isEmpty(), () -> torrentClient + " with port forwarding breaks the Compose schema:\n" + describe(errors));
    }

    /** Proves the check can fail: a misspelt service key is what the schema exists to catch. */
    @Test
    void anUnknownServiceKeyIsRejected() throws IOException {
        JsonNode compose = YAML.readTree(Examples.render(Examples.names().getFirst()).text("compose.yaml"));
        ObjectNode service = (ObjectNode) compose.get("services").elements().next();
        service.set("imagee", service.remove("image"));

        Set<ValidationMessage> errors = schema.validate(compose);

        assertFalse(errors.isEmpty(), "a service with 'imagee' passed the Compose schema");
        assertTrue(describe(errors).contains("imagee"), () -> "errors do not name the bad key:\n" + describe(errors));
    }

    private static String describe(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n"));
    }
}

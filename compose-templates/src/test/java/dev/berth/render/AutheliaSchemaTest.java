package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import dev.berth.answers.AccessAnswers;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.SharedSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authelia's files against Authelia's own v4.39 JSON Schemas (draft 2020-12). The three secrets
 * (reset-password JWT, session secret, storage encryption key) are not in configuration.yml: they
 * come from AUTHELIA_*_FILE variables. The schema does not require them, so the file is checked
 * exactly as generated.
 */
class AutheliaSchemaTest {
    private static final String CONFIGURATION = "config/authelia/configuration.yml";
    private static final String USERS = "config/authelia/users_database.yml";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static JsonSchema configurationSchema;
    private static JsonSchema usersSchema;

    /** Before each test, not once for the class: Surefire counts and shows a skip only per test. */
    @BeforeEach
    void loadSchemas() throws IOException {
        if (configurationSchema == null || usersSchema == null) {
            configurationSchema = schema("authelia-v4.39-configuration.json");
            usersSchema = schema("authelia-v4.39-user-database.json");
        }
    }

    /** The examples with Authelia; none would make the parameterized tests fail, not pass empty. */
    static Stream<String> examples() {
        return Examples.names().stream().filter(n -> Examples.render(n).files().containsKey(CONFIGURATION));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void configurationFollowsAutheliasSchema(String example) throws IOException {
        assertValid(configurationSchema, example, CONFIGURATION);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void usersDatabaseFollowsAutheliasSchema(String example) throws IOException {
        assertValid(usersSchema, example, USERS);
    }

    /** With a mail server instead of the notification file: each way the address can be written. */
    static Stream<AccessAnswers.Smtp> mailServers() {
        return Stream.of(AutheliaSmtpTest.SUBMISSION,
                new AccessAnswers.Smtp("smtp.example.com", 465, "me@example.com", "app password", "auth@example.com"),
                new AccessAnswers.Smtp("relay.lan", 25, null, null, "\"Berth at home\" <auth@example.com>"),
                new AccessAnswers.Smtp("192.168.1.5", 2525, null, null, "auth@example.com"));
    }

    @ParameterizedTest
    @MethodSource("mailServers")
    void configurationWithAMailServerFollowsAutheliasSchema(AccessAnswers.Smtp smtp) throws IOException {
        JsonNode yaml = YAML.readTree(smtpConfiguration(smtp));
        assertTrue(yaml.at("/notifier").has("smtp"), yaml.toString());

        Set<ValidationMessage> errors = configurationSchema.validate(yaml);

        assertTrue(errors.isEmpty(), () -> smtp.host() + ":" + smtp.port() + " breaks Authelia's schema:\n" + describe(errors));
    }

    /** Proves the check can fail for the mail server: Authelia knows only smtp, submission and submissions. */
    @Test
    void aMailServerAddressWithAnotherSchemeIsRejected() throws IOException {
        ObjectNode config = (ObjectNode) YAML.readTree(smtpConfiguration(AutheliaSmtpTest.SUBMISSION));
        ((ObjectNode) config.at("/notifier/smtp")).put("address", "imap://smtp.example.com:587");

        Set<ValidationMessage> errors = configurationSchema.validate(config);

        assertTrue(describe(errors).contains("address"), () -> "imap:// passed Authelia's schema:\n" + describe(errors));
    }

    private static String smtpConfiguration(AccessAnswers.Smtp smtp) {
        return new Renderer().render(Examples.repeatablePlanner().plan(AutheliaSmtpTest.withSmtp(smtp), java.util.Map.of()))
                .text(CONFIGURATION);
    }

    /** Proves the check can fail: Authelia's schema forbids keys it does not know. */
    @Test
    void anUnknownConfigurationKeyIsRejected() throws IOException {
        ObjectNode config = (ObjectNode) YAML.readTree(Examples.render(examples().findFirst().orElseThrow()).text(CONFIGURATION));
        ((ObjectNode) config.get("session")).put("domian", "example.com");

        Set<ValidationMessage> errors = configurationSchema.validate(config);

        assertFalse(errors.isEmpty(), "session.domian passed Authelia's schema");
        assertTrue(describe(errors).contains("domian"), () -> "errors do not name the bad key:\n" + describe(errors));
    }

    private static void assertValid(JsonSchema schema, String example, String file) throws IOException {
        JsonNode yaml = YAML.readTree(Examples.render(example).text(file));

        Set<ValidationMessage> errors = schema.validate(yaml);

        assertTrue(errors.isEmpty(), () -> example + "/" + file + " breaks Authelia's schema:\n" + describe(errors));
    }

    private static JsonSchema schema(String name) throws IOException {
        Path file = SharedSchemas.require(name, "the generated Authelia configuration.yml and users_database.yml against Authelia's v4.39 JSON Schemas");
        // Formats are checked, not only noted (draft 2020-12's default): notifier.smtp.sender is a oneOf of
        // an e-mail address and "Name <address>", which only makes sense when "format": "email" is asserted.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(VersionFlag.V202012).getSchema(file.toUri(), new ObjectMapper().readTree(file.toFile()),
                config);
    }

    private static String describe(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::toString).sorted().collect(Collectors.joining("\n"));
    }
}

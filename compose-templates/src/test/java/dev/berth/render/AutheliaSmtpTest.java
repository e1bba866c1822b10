package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.catalog.Catalog;
import dev.berth.plan.PlanRule;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Authelia with a mail server: the address Authelia reads, and the password as a kept secret. */
class AutheliaSmtpTest {
    private static final String CONFIGURATION = "config/authelia/configuration.yml";
    private static final YAMLMapper YAML = new YAMLMapper();

    /** The full example with this mail server. */
    static Answers withSmtp(AccessAnswers.Smtp smtp) {
        Answers full = Examples.answers("full-wireguard");
        AccessAnswers a = full.access();
        return full.withAccess(new AccessAnswers(a.mode(), a.domain(), a.letsEncrypt(), a.npm(), a.authelia().withSmtp(smtp),
                a.fail2ban()));
    }

    static final AccessAnswers.Smtp SUBMISSION = new AccessAnswers.Smtp("smtp.example.com", 587, "auth@example.com",
            "app password 1234", "Berth <auth@example.com>");

    @Test
    void theMailServerReplacesTheNotificationFileAndItsPasswordIsASecretFile() throws IOException {
        StackPlan plan = Examples.repeatablePlanner().plan(withSmtp(SUBMISSION), Map.of());
        RenderedStack stack = new Renderer().render(plan);

        JsonNode notifier = YAML.readTree(stack.text(CONFIGURATION)).get("notifier");
        assertFalse(notifier.has("filesystem"), notifier.toString());
        assertEquals("submission://smtp.example.com:587", notifier.at("/smtp/address").asText());
        assertEquals("auth@example.com", notifier.at("/smtp/username").asText());
        assertEquals("Berth <auth@example.com>", notifier.at("/smtp/sender").asText());
        assertFalse(notifier.get("smtp").has("password"), "the password is in the configuration: " + notifier);
        assertFalse(notifier.has("disable_startup_check"), "Authelia's default is kept: " + notifier);
        assertFalse(stack.text(CONFIGURATION).contains("app password 1234"));

        assertEquals("/run/secrets/authelia_smtp_password",
                plan.service("authelia").orElseThrow().environment().get("AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE"));
        assertEquals("app password 1234", stack.text("secrets/authelia_smtp_password"));
        assertFalse(stack.text("berth.yaml").contains("app password 1234"), stack.text("berth.yaml"));
        assertFalse(stack.text("compose.yaml").contains("app password 1234"));
    }

    @Test
    void aLaterRunFromBerthYamlKeepsThePasswordFromSecrets() {
        StackPlan first = new Planner(Catalog.builtIn()).plan(withSmtp(SUBMISSION), Map.of());
        RenderedStack a = new Renderer().render(first);
        Answers fromDisk = AnswersFile.parse(a.text("berth.yaml"));
        assertEquals(null, fromDisk.access().authelia().smtp().password());

        RenderedStack b = new Renderer().render(new Planner(Catalog.builtIn()).plan(fromDisk, first.secrets()));

        assertEquals(a.files().keySet(), b.files().keySet());
        a.files().forEach((path, file) -> assertArrayEquals(file.content(), b.file(path).content(), path));
    }

    @Test
    void aUserNameWithoutAPasswordTypedOrKeptIsAProblemOnThePassword() {
        Answers noPassword = withSmtp(SUBMISSION.withoutPassword());

        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> new Planner(Catalog.builtIn()).plan(noPassword, Map.of()));

        Problem p = e.problems().getFirst();
        assertEquals("access.authelia.smtp.password", p.field());
        assertEquals(PlanRule.SECRET_REQUIRED, p.rule());
        assertTrue(p.message().contains("type the mail account's password"), p.message());
    }

    @Test
    void withoutAUserNameNoPasswordIsSentOrKept() throws IOException {
        StackPlan plan = Examples.repeatablePlanner().plan(withSmtp(new AccessAnswers.Smtp("relay.lan", 25, null, null,
                "auth@example.com")), Map.of());

        JsonNode smtp = YAML.readTree(new Renderer().render(plan).text(CONFIGURATION)).at("/notifier/smtp");
        assertEquals("smtp://relay.lan:25", smtp.get("address").asText());
        assertFalse(smtp.has("username"), smtp.toString());
        assertFalse(plan.secrets().containsKey("authelia_smtp_password"));
        assertFalse(plan.service("authelia").orElseThrow().environment().containsKey("AUTHELIA_NOTIFIER_SMTP_PASSWORD_FILE"));
    }

    @ParameterizedTest
    @CsvSource({
        "smtp.example.com, 465, submissions://smtp.example.com:465",
        "smtp.example.com, 587, submission://smtp.example.com:587",
        "smtp.example.com, 25, smtp://smtp.example.com:25",
        "smtp.example.com, 2525, smtp://smtp.example.com:2525",
        "192.168.1.5, 587, submission://192.168.1.5:587",
    })
    void theSchemeSaysHowTheConnectionIsProtected(String host, int port, String address) {
        assertEquals(address, AutheliaConfig.smtpAddress(new AccessAnswers.Smtp(host, port, null, null, "auth@example.com")));
    }
}

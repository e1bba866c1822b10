package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.AnswersSecrets;
import dev.berth.answers.AnswersValidator;
import dev.berth.answers.AutheliaUser;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.VpnAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The free-text fields of the answers, set one at a time on a full example, and the generated
 * files read back: compose.yaml as Compose reads it, .env as both Composes read it, the secrets,
 * Authelia's users file and berth.yaml. Shared by the property tests and the real-Compose test.
 */
final class FreeTextStacks {
    /** The example with every free-text field in use: paths, NPM, Authelia, WireGuard, countries, domain. */
    static final String WIREGUARD = "full-wireguard";
    static final String ALICE_PASSWORD = "authelia_user_alice_password";
    static final String ALICE_HASH = "authelia_user_alice_hash";

    private static final Catalog CATALOG = Catalog.builtIn();
    private static final AnswersValidator VALIDATOR = new AnswersValidator(CATALOG);
    private static final Planner PLANNER = Examples.repeatablePlanner();
    private static final Map<String, Baseline> BASELINES = new ConcurrentHashMap<>();
    private static volatile String aliceHash;

    private FreeTextStacks() {
    }

    static Answers wireguard() {
        return Examples.answers(WIREGUARD);
    }

    /** The same stack with the VPN on OpenVPN: the OpenVPN user and password are in use. */
    static Answers openvpn() {
        Answers a = wireguard();
        VpnAnswers v = a.vpn();
        return a.withVpn(new VpnAnswers(true, "private internet access", VpnAnswers.Type.OPENVPN, null,
                new VpnAnswers.OpenVpn("p1234567", "example-password-change-me"), v.countries(), v.routedServices(),
                v.lanSubnet()));
    }

    // ---- setting one field ------------------------------------------------------------------

    static Answers withStackDir(Answers a, String v) {
        StorageAnswers s = a.storage();
        return a.withStorage(new StorageAnswers(v, s.dataRoot(), s.configRoot(), s.puid(), s.pgid(), s.timeZone(), s.hardwareTranscoding()));
    }

    static Answers withDataRoot(Answers a, String v) {
        StorageAnswers s = a.storage();
        return a.withStorage(new StorageAnswers(s.stackDir(), v, s.configRoot(), s.puid(), s.pgid(), s.timeZone(), s.hardwareTranscoding()));
    }

    static Answers withConfigRoot(Answers a, String v) {
        StorageAnswers s = a.storage();
        return a.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), v, s.puid(), s.pgid(), s.timeZone(), s.hardwareTranscoding()));
    }

    static Answers withDomain(Answers a, String v) {
        AccessAnswers x = a.access();
        return a.withAccess(new AccessAnswers(x.mode(), v, x.letsEncrypt(), x.npm(), x.authelia(), x.fail2ban()));
    }

    static Answers withNpmEmail(Answers a, String v) {
        AccessAnswers x = a.access();
        return a.withAccess(new AccessAnswers(x.mode(), x.domain(), x.letsEncrypt(),
                new AccessAnswers.Npm(v, x.npm().adminPassword()), x.authelia(), x.fail2ban()));
    }

    static Answers withNpmPassword(Answers a, String v) {
        AccessAnswers x = a.access();
        return a.withAccess(new AccessAnswers(x.mode(), x.domain(), x.letsEncrypt(),
                new AccessAnswers.Npm(x.npm().adminEmail(), v), x.authelia(), x.fail2ban()));
    }

    static Answers withAlice(Answers a, String displayName, String email, String password) {
        AccessAnswers x = a.access();
        AccessAnswers.Authelia au = x.authelia();
        List<AutheliaUser> users = new ArrayList<>(au.users());
        AutheliaUser u = users.getFirst();
        users.set(0, new AutheliaUser(u.username(), displayName, email, u.admin(), password));
        return a.withAccess(new AccessAnswers(x.mode(), x.domain(), x.letsEncrypt(), x.npm(),
                new AccessAnswers.Authelia(au.enabled(), au.policy(), users, au.protectedServices()), x.fail2ban()));
    }

    static AutheliaUser alice(Answers a) {
        return a.access().authelia().users().getFirst();
    }

    static Answers withCountries(Answers a, List<String> countries) {
        VpnAnswers v = a.vpn();
        return a.withVpn(new VpnAnswers(v.enabled(), v.provider(), v.type(), v.wireguard(), v.openvpn(), countries,
                v.routedServices(), v.lanSubnet()));
    }

    static Answers withWireGuardKey(Answers a, String key) {
        VpnAnswers v = a.vpn();
        return a.withVpn(new VpnAnswers(v.enabled(), v.provider(), v.type(),
                new VpnAnswers.WireGuard(key, v.wireguard().addresses(), v.wireguard().presharedKey()), v.openvpn(),
                v.countries(), v.routedServices(), v.lanSubnet()));
    }

    static Answers withOpenVpn(Answers a, String user, String password) {
        VpnAnswers v = a.vpn();
        return a.withVpn(new VpnAnswers(v.enabled(), v.provider(), v.type(), v.wireguard(),
                new VpnAnswers.OpenVpn(user, password), v.countries(), v.routedServices(), v.lanSubnet()));
    }

    // ---- validating, rendering and reading back ----------------------------------------------

    /** The generated files of one render, read back as each consumer reads them. */
    record ReadBack(Answers answers, RenderedStack stack, Map<String, Object> compose, Map<String, String> env,
                    Object users, Object autheliaConfiguration) {
        String secret(String name) {
            RenderedFile f = stack.file("secrets/" + name);
            assertTrue(f.secret(), "secrets/" + name + " is not marked secret");
            return new String(f.content(), StandardCharsets.UTF_8);
        }

        byte[] secretBytes(String name) {
            return stack.file("secrets/" + name).content();
        }
    }

    /**
     * Either the validator refuses the answers, naming {@code field} (then empty), or they plan
     * and render, and every generated file reads back intact (then the read-back files).
     *
     * @param field the answers-file path of the field that was set, e.g. {@code storage.dataRoot}
     */
    static Optional<ReadBack> validateOrRender(Answers answers, String field) {
        return validateOrRender(answers, field, previousSecretsFor(answers));
    }

    static Optional<ReadBack> validateOrRender(Answers answers, String field, Map<String, String> previousSecrets) {
        List<Problem> problems = VALIDATOR.validate(answers);
        if (!problems.isEmpty()) {
            for (Problem p : problems) {
                assertFalse(p.message() == null || p.message().isBlank(), "a problem without a message: " + problems);
            }
            assertTrue(problems.stream().anyMatch(p -> names(p.field(), field)),
                    "refused, but no problem names " + field + ": " + problems);
            InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                    () -> PLANNER.plan(answers, previousSecrets), "validation refused the answers but the planner did not");
            assertEquals(problems, e.problems());
            return Optional.empty();
        }
        StackPlan plan = PLANNER.plan(answers, previousSecrets);
        RenderedStack stack = new Renderer().render(plan);
        return Optional.of(readBack(answers, stack));
    }

    /** The answers must be accepted and round-trip. */
    static ReadBack accepted(Answers answers, String field) {
        List<Problem> problems = VALIDATOR.validate(answers);
        if (!problems.isEmpty()) {
            fail("a value that should be accepted was refused: " + problems);
        }
        return validateOrRender(answers, field).orElseThrow();
    }

    static List<Problem> problems(Answers answers) {
        return VALIDATOR.validate(answers);
    }

    static boolean names(String problemField, String field) {
        return problemField.equals(field) || problemField.startsWith(field + "[") || problemField.startsWith(field + ".");
    }

    /**
     * Previous secrets that let the planner keep Alice's password hash instead of computing an
     * argon2id hash (0.4 s) on every try. The hash then belongs to another password; the hash
     * itself is checked by {@code autheliaHashesTheTypedPassword}.
     */
    static Map<String, String> previousSecretsFor(Answers answers) {
        if (!answers.access().authelia().enabled() || answers.access().authelia().users().isEmpty()
                || alice(answers).password() == null) {
            return Map.of();
        }
        Map<String, String> previous = new HashMap<>();
        previous.put(ALICE_PASSWORD, alice(answers).password());
        previous.put(ALICE_HASH, aliceHash());
        return previous;
    }

    private static String aliceHash() {
        if (aliceHash == null) {
            aliceHash = PLANNER.plan(wireguard(), Map.of()).secrets().get(ALICE_HASH);
        }
        return aliceHash;
    }

    static ReadBack readBack(Answers answers, RenderedStack stack) {
        Baseline base = baseline(answers);
        assertEquals(base.files, List.copyOf(stack.files().keySet()), "a free-text value changed which files are generated");

        // compose.yaml: YAML that parses, the same structure as the example's, no '$' Compose would expand.
        String composeText = stack.text("compose.yaml");
        Object rawCompose = ComposeValues.parseYaml(composeText);
        assertEquals(base.shapes.get("compose.yaml"), ComposeValues.shape(rawCompose),
                "compose.yaml changed structure: a value was read as YAML, not as text");
        Map<String, Object> compose = ComposeValues.read(composeText);

        // .env: both Composes read the same values, and the same variables as the example.
        String envText = stack.text(".env");
        Map<String, String> v2 = DotEnv.read(envText, DotEnv.Dialect.COMPOSE_V2);
        Map<String, String> v1 = DotEnv.read(envText, DotEnv.Dialect.PYTHON_DOTENV);
        assertEquals(base.envKeys, List.copyOf(v2.keySet()), ".env variables changed");
        assertEquals(v2, v1, ".env reads differently in Compose v2 and docker-compose 1.29 (python-dotenv)");

        // Every other YAML file parses to the example's structure.
        for (String name : stack.files().keySet()) {
            if ((name.endsWith(".yml") || name.endsWith(".yaml")) && !name.equals("compose.yaml") && !name.equals("berth.yaml")) {
                assertEquals(base.shapes.get(name), ComposeValues.shape(ComposeValues.parseTaggedYaml(stack.text(name))),
                        name + " changed structure");
            }
        }

        // berth.yaml: the answers without their secrets, exactly (the domain in lower case, as the
        // stack writes it everywhere); the full answers round-trip too.
        Answers stripped = AnswersSecrets.strip(withLowerCaseDomain(answers));
        assertEquals(stripped, AnswersFile.parse(stack.text("berth.yaml")), "berth.yaml does not read back as the answers");
        assertEquals(answers, AnswersFile.parse(AnswersFile.write(answers)), "AnswersFile.write/parse does not round-trip");

        Object users = stack.files().containsKey("config/authelia/users_database.yml")
                ? ComposeValues.parseYaml(stack.text("config/authelia/users_database.yml")) : null;
        Object authelia = stack.files().containsKey("config/authelia/configuration.yml")
                ? ComposeValues.parseYaml(stack.text("config/authelia/configuration.yml")) : null;
        return new ReadBack(answers, stack, compose, v2, users, authelia);
    }

    private record Baseline(List<String> files, Map<String, Object> shapes, List<String> envKeys) {
    }

    /** The example's files, structure and .env variables, for the stack shape (WireGuard or OpenVPN) of these answers. */
    private static Baseline baseline(Answers answers) {
        String key = answers.vpn().type() + "/" + answers.access().mode();
        return BASELINES.computeIfAbsent(key, k -> {
            Answers example = answers.vpn().type() == VpnAnswers.Type.OPENVPN ? openvpn() : wireguard();
            RenderedStack s = new Renderer().render(PLANNER.plan(example, previousSecretsFor(example)));
            Map<String, Object> shapes = new HashMap<>();
            for (String name : s.files().keySet()) {
                if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                    shapes.put(name, ComposeValues.shape(ComposeValues.parseTaggedYaml(s.text(name))));
                }
            }
            return new Baseline(List.copyOf(s.files().keySet()), shapes,
                    List.copyOf(DotEnv.read(s.text(".env"), DotEnv.Dialect.COMPOSE_V2).keySet()));
        });
    }

    /** The answers with the domain as the stack writes it: domain names ignore case. */
    static Answers withLowerCaseDomain(Answers answers) {
        dev.berth.answers.AccessAnswers a = answers.access();
        if (a == null || a.domain() == null) {
            return answers;
        }
        return answers.withAccess(new dev.berth.answers.AccessAnswers(a.mode(), dev.berth.plan.Planner.lowerCaseDomain(a.domain()),
                a.letsEncrypt(), a.npm(), a.authelia(), a.fail2ban()));
    }
}

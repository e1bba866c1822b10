package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.AutheliaUser;
import dev.berth.catalog.Catalog;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Secrets are inputs: given the previous ones, the same answers give byte-identical files. */
class RerenderTest {
    static List<String> examples() {
        return Examples.names();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void sameAnswersAndPreviousSecretsGiveTheSameBytes(String example) {
        Answers answers = Examples.answers(example);
        // Fresh randomness each time: only the previous secrets can make the second run match.
        StackPlan first = new Planner(Catalog.builtIn()).plan(answers, Map.of());
        StackPlan second = new Planner(Catalog.builtIn()).plan(answers, first.secrets());
        RenderedStack a = new Renderer().render(first);
        RenderedStack b = new Renderer().render(second);
        assertEquals(a.files().keySet(), b.files().keySet());
        a.files().forEach((path, file) -> assertArrayEquals(file.content(), b.file(path).content(), path));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void reRenderingFromTheWrittenAnswersFileGivesTheSameBytes(String example) {
        // A later run starts from berth.yaml (no secrets) plus the secrets/ folder.
        StackPlan first = new Planner(Catalog.builtIn()).plan(Examples.answers(example), Map.of());
        RenderedStack a = new Renderer().render(first);
        Answers fromDisk = dev.berth.answers.AnswersFile.parse(a.text("berth.yaml"));
        RenderedStack b = new Renderer().render(new Planner(Catalog.builtIn()).plan(fromDisk, first.secrets()));
        a.files().forEach((path, file) -> assertArrayEquals(file.content(), b.file(path).content(), path));
    }

    @org.junit.jupiter.api.Test
    void aChangedPasswordChangesOnlyThatUsersHash() {
        Answers answers = Examples.answers("full-wireguard");
        StackPlan first = new Planner(Catalog.builtIn()).plan(answers, Map.of());
        AccessAnswers a = answers.access();
        AutheliaUser alice = a.authelia().users().getFirst();
        AutheliaUser newAlice = new AutheliaUser(alice.username(), alice.displayName(), alice.email(), alice.admin(), "a brand new passphrase");
        Answers changed = answers.withAccess(new AccessAnswers(a.mode(), a.domain(), a.letsEncrypt(), a.npm(),
                new AccessAnswers.Authelia(true, a.authelia().policy(), List.of(newAlice), a.authelia().protectedServices()), a.fail2ban()));
        StackPlan second = new Planner(Catalog.builtIn()).plan(changed, first.secrets());
        assertNotEquals(first.secrets().get("authelia_user_alice_hash"), second.secrets().get("authelia_user_alice_hash"));
        assertEquals("a brand new passphrase", second.secrets().get("authelia_user_alice_password"));
        first.secrets().forEach((name, value) -> {
            if (!name.startsWith("authelia_user_alice")) {
                assertEquals(value, second.secrets().get(name), name);
            }
        });
        assertEquals(true, dev.berth.secrets.Argon2idHasher.verify(second.secrets().get("authelia_user_alice_hash"), "a brand new passphrase"));
    }
    /**
     * Jellyfin makes its own API key (catalog {@code madeBy: app}): the first render gives an empty
     * file, never a generated key, so Homepage's mount exists before Jellyfin was set up; once the
     * setup filled it in, a re-render keeps it and changes no byte.
     */
    @org.junit.jupiter.api.Test
    void aKeyTheAppMakesStartsEmptyAndIsKeptOnceMade() {
        Answers answers = Examples.answers("full-wireguard");
        StackPlan first = new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(answers, Map.of());
        assertEquals("", first.secrets().get("jellyfin_api_key"), "no key is generated for an app that makes its own");
        RenderedStack a = new Renderer().render(first);
        assertEquals("", a.text("secrets/jellyfin_api_key"));
        assertEquals(true, a.text("compose.yaml").contains("HOMEPAGE_FILE_JELLYFIN_KEY: /run/secrets/jellyfin_api_key"),
                "Homepage is given the file the setup fills in");
        assertEquals(true, a.text("config/homepage/services.yaml").contains("key: '{{HOMEPAGE_FILE_JELLYFIN_KEY}}'"));
        assertEquals(false, a.text("compose.yaml").contains("FILE__JELLYFIN"), "nothing presets the key in Jellyfin itself");

        Map<String, String> afterSetup = new java.util.TreeMap<>(first.secrets());
        afterSetup.put("jellyfin_api_key", "0123456789abcdef0123456789abcdef");
        RenderedStack made = new Renderer().render(new Planner(Catalog.builtIn()).plan(answers, afterSetup));
        RenderedStack again = new Renderer().render(new Planner(Catalog.builtIn()).plan(answers, made.files().keySet().stream()
                .filter(p -> p.startsWith("secrets/")).collect(java.util.stream.Collectors.toMap(p -> p.substring("secrets/".length()),
                        p -> made.text(p)))));
        assertEquals("0123456789abcdef0123456789abcdef", made.text("secrets/jellyfin_api_key"));
        assertEquals(made.files().keySet(), again.files().keySet());
        made.files().forEach((path, file) -> assertArrayEquals(file.content(), again.file(path).content(), path));
    }
}

package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.MediaAnswers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.StackWiring;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Emby's first run, libraries and API key ({@code setup.kind: emby}), through {@link StackWiring} as a
 * deploy runs it, against {@link FakeEmby}, which checks every request against Emby's published
 * API and the startup service of its last open source.
 */
class EmbySetupTest {
    @TempDir
    Path tmp;
    private FakeEmby emby;
    private final List<String> said = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        emby = FakeEmby.start();
        Files.createDirectories(tmp.resolve("stack/secrets")); // as the deploy left it before the wiring
    }

    @AfterEach
    void stop() {
        emby.close();
    }

    private Answers answers(MediaAnswers media) {
        Answers a = Examples.answers("minimal-jellyfin").withServices(List.of("emby")); // Europe/Berlin, no *arr app
        StorageAnswers s = a.storage();
        return a.withStorage(new StorageAnswers(tmp.resolve("stack").toString(), s.dataRoot(), s.configRoot(), s.puid(), s.pgid(),
                s.timeZone(), false)).withMedia(media);
    }

    private StackPlan plan(Answers answers, Map<String, String> previousSecrets) {
        return new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(answers, previousSecrets);
    }

    private StackWiring stack() {
        return new StackWiring(ServiceAddresses.loopback(Map.of("emby", emby.port())), Optional.empty(), "this computer");
    }

    private WiringResult wire(StackPlan plan) throws Exception {
        try (LocalTarget local = new LocalTarget()) {
            return stack().runOnStack(local, plan, WiringPlan.of(plan, Map.of()), StackWiring.Mode.APPLY, Optional.empty(),
                    p -> said.add(p.toString()), () -> false);
        }
    }

    private Map<String, String> secretsOnDisk() throws IOException {
        return JellyfinSetupTest.secretsIn(tmp.resolve("stack/secrets"));
    }

    @Test
    void aFreshServerIsSetUpOnceAndASecondRunWritesNothing() throws Exception {
        Answers answers = answers(MediaAnswers.DEFAULTS);
        StackPlan plan = plan(answers, Map.of());
        assertEquals("", plan.secrets().get("emby_api_key"), "the key starts as an empty placeholder");

        WiringResult first = wire(plan);

        assertEquals(List.of(), emby.refused(), "every request fits Emby's API");
        Map<String, Link> links = JellyfinSetupTest.byLabel(first);
        assertEquals(Set.of("Emby → first run", "Emby → library Movies", "Emby → library Shows", "Emby → API key"), links.keySet());
        assertTrue(first.links().stream().allMatch(l -> l.status() == Link.Status.OK), first.links()::toString);
        assertTrue(emby.completed());
        assertEquals("Berth", emby.serverName(), "named through its settings, since Emby's startup takes no name");
        assertEquals("de/DE/de", emby.languages(), "culture, country and language from Europe/Berlin");
        assertEquals(false, emby.remoteAccess(), "a stack without a domain stays on the home network");
        assertEquals(Map.of("admin", plan.secrets().get("emby_password")), emby.users(), "Emby's first user renamed, with Berth's password");
        // No *arr app chosen: the libraries emby.yaml's setup.defaultLibraries names, for files put there by hand.
        assertEquals(Map.of("Movies", List.of("/data/media/movies"), "Shows", List.of("/data/media/tv")), emby.libraries());
        assertEquals(List.of("Berth"), emby.keyNames());
        String key = secretsOnDisk().get("emby_api_key");
        assertTrue(emby.isKey(key), "the key Emby made is kept in secrets/");
        assertEquals(List.of(new Credential("Emby", "http://localhost:8096/", "admin", "emby_password", true)), first.credentials());
        assertTrue(emby.calls().stream().allMatch(c -> c.contains(" /emby/")), emby.calls()::toString);

        int writes = emby.writes();
        int calls = emby.calls().size();
        StackPlan again = plan(answers, secretsOnDisk());
        WiringResult second = wire(again);
        assertEquals(0, second.writes());
        assertEquals(writes, emby.writes(), "Emby counted no write on the second run");
        assertFalse(emby.calls().subList(calls, emby.calls().size()).contains("POST /emby/Users/AuthenticateByName"),
                "the second run signs in with the key, not the password");
        assertTrue(second.links().stream().allMatch(l -> l.status() == Link.Status.OK), second.links()::toString);
        assertEquals(List.of(), second.credentials(), "the admin was handed over once");
        assertEquals(List.of("Berth"), emby.keyNames(), "no second key");

        // berth status only asks: the same rows, and not one write.
        StackWiring.Outcome status = stack().run(again, WiringPlan.of(again, Map.of()),
                new WiringMemory(Map.of("emby", Map.of("firstrun", "admin"))), StackWiring.Mode.TEST_ONLY, p -> { }, () -> false);
        assertEquals(writes, emby.writes());
        assertEquals(links.keySet(), JellyfinSetupTest.byLabel(status.result()).keySet());
        assertEquals(List.of(), status.result().needingAttention());

        String everything = String.join("\n", said) + first + second + Files.readString(tmp.resolve("stack/.berth/wiring.json"));
        for (String secret : List.of(key, plan.secrets().get("emby_password"))) {
            assertFalse(everything.contains(secret), "a secret in what the wiring said or kept");
        }
    }

    @Test
    void aServerThePersonSetUpIsNeverRenamedAndGetsNoUser() throws Exception {
        emby.personDidTheFirstRun("alice", "her own password", "Wohnzimmer");

        WiringResult result = wire(plan(answers(new MediaAnswers("Keller", null, null, List.of(), Map.of(), null)), Map.of()));

        assertEquals(0, result.writes());
        assertEquals(List.of(), emby.refused());
        assertEquals("Wohnzimmer", emby.serverName());
        assertEquals(Map.of("alice", "her own password"), emby.users());
        assertEquals(Map.of("Filme", List.of("/data/media/movies")), emby.libraries());
        assertEquals(1, result.links().size());
        Link link = result.links().getFirst();
        assertEquals(Link.Status.LEFT_ALONE, link.status());
        assertTrue(link.detail().contains("renamed nothing and made no user"), link.detail());
        assertTrue(link.detail().contains("Settings → Library") && link.detail().contains("Settings → Advanced → API Keys")
                && link.detail().contains("secrets/emby_api_key"), link.detail());
        assertEquals(List.of(), result.credentials());

        // With a key of the person's own in secrets/, Berth adds the missing libraries and still touches no user or name.
        Answers answers = answers(new MediaAnswers("Keller", null, null, List.of(), Map.of(), null));
        Map<String, String> secrets = new java.util.TreeMap<>(plan(answers, Map.of()).secrets());
        secrets.put("emby_api_key", emby.personMakesKey("Mine"));
        WiringResult withKey = wire(plan(answers, secrets));
        assertEquals(List.of(), emby.refused());
        assertEquals(Map.of("Filme", List.of("/data/media/movies"), "Shows", List.of("/data/media/tv")), emby.libraries(),
                "Filme already shows /data/media/movies");
        assertEquals(Map.of("alice", "her own password"), emby.users());
        assertEquals("Wohnzimmer", emby.serverName());
        assertEquals(List.of("Mine"), emby.keyNames(), "no key made beside the person's");
        assertEquals(Link.Status.LEFT_ALONE, JellyfinSetupTest.byLabel(withKey).get("Emby → first run").status());
        assertEquals(List.of(), withKey.needingAttention());
    }

    /**
     * Whether Emby 4.9 still opens its startup API to anyone once the wizard is done is not in any
     * document Berth could read: its own settings file on the target is a second witness, and when it
     * says the first run is done Berth does not do it again, whatever the API answered.
     */
    @Test
    void aServerWhoseSettingsFileSaysItsFirstRunIsDoneIsNeverRenamedEvenIfItsApiLooksOpen() throws Exception {
        Answers base = answers(MediaAnswers.DEFAULTS);
        StorageAnswers s = base.storage();
        Path config = tmp.resolve("config");
        Answers answers = base.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), config.toString(), s.puid(), s.pgid(),
                s.timeZone(), false));
        // Emby's ServerConfiguration as it writes it: the flag among its other settings.
        Path systemXml = config.resolve("emby/config/system.xml");
        Files.createDirectories(systemXml.getParent());
        Files.writeString(systemXml, """
                <?xml version="1.0"?>
                <ServerConfiguration xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
                  <IsStartupWizardCompleted>true</IsStartupWizardCompleted>
                  <ServerName>Wohnzimmer</ServerName>
                </ServerConfiguration>
                """);
        StackPlan plan = plan(answers, Map.of());

        WiringResult result;
        try (LocalTarget local = new LocalTarget()) {
            result = new StackWiring(ServiceAddresses.loopback(Map.of("emby", emby.port())), Optional.empty(), "this computer",
                    Optional.of(local.files())).runOnStack(local, plan, WiringPlan.of(plan, Map.of()), StackWiring.Mode.APPLY,
                    Optional.empty(), p -> { }, () -> false);
        }

        assertEquals(0, result.writes(), "the API looked open, the file says done: nothing is written");
        assertEquals(Link.Status.LEFT_ALONE, result.links().getFirst().status(), result.links().toString());
        assertEquals(List.of(), result.credentials());
    }

    @Test
    void aLibraryEmbyRefusesNeedsAttentionInItsWordsAndTheRestIsDone() throws Exception {
        emby.folderMissing("/data/media/tv");

        WiringResult result = wire(plan(answers(MediaAnswers.DEFAULTS), Map.of()));

        Map<String, Link> links = JellyfinSetupTest.byLabel(result);
        Link shows = links.get("Emby → library Shows");
        assertEquals(Link.Status.NEEDS_ATTENTION, shows.status());
        assertTrue(shows.detail().contains("The path does not exist: /data/media/tv"), shows.detail());
        assertTrue(shows.detail().contains("Check that the folder exists"), shows.detail());
        assertEquals(List.of("Emby → library Shows"), result.needingAttention().stream().map(Link::label).toList());
        assertEquals(Link.Status.OK, links.get("Emby → library Movies").status());
        assertEquals(Link.Status.OK, links.get("Emby → API key").status());
        assertTrue(emby.isKey(secretsOnDisk().get("emby_api_key")));
    }
}

package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.answers.Answers;
import dev.berth.answers.MediaAnswers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.StackWiring;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.PlannedService;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seerr and Bazarr set up through {@link StackWiring} as a deploy does it, against {@link FakeSeerr}
 * (every request and answer checked against Seerr's own API description) and {@link FakeBazarr}
 * (written from Bazarr's source), with Bazarr's config.yaml as a real file read through a
 * {@link LocalTarget}: a fresh pair set up and proved, a second run with no write, what the person
 * set up or changed left alone, and an app that refuses shown with its words and what to do.
 */
class SeerrBazarrSetupTest {
    private static final String BAZARRS_OWN_KEY = "0b4d6e8f1a2c3e5f7a9b1c3d5e7f9a1b";
    private static final String JELLYFIN_PASSWORD = "JellyfinAdminPassword0123";

    @TempDir
    Path tmp;

    private StackPlan plan;
    private FakeSeerr seerr;
    private FakeBazarr bazarr;
    private LocalTarget local;

    @BeforeEach
    void start() throws Exception {
        Answers example = Examples.answers("full-wireguard");
        StorageAnswers s = example.storage();
        Answers answers = example
                .withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), tmp.resolve("config").toString(), s.puid(), s.pgid(),
                        s.timeZone(), s.hardwareTranscoding()))
                .withMedia(new MediaAnswers(null, null, null, List.of("en", "de"), Map.of(), null));
        plan = withSecrets(new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(answers, Map.of()),
                Map.of("jellyfin_password", JELLYFIN_PASSWORD));
        PlannedService jellyfin = plan.service("jellyfin").orElseThrow();
        PlannedService sonarr = plan.service("sonarr").orElseThrow();
        PlannedService radarr = plan.service("radarr").orElseThrow();
        seerr = FakeSeerr.start(new FakeSeerr.MediaServer(jellyfin.address(), jellyfin.webPort(), "admin", JELLYFIN_PASSWORD,
                new TreeMap<>(Map.of("lib-movies", "Movies", "lib-shows", "Shows"))))
                .reaches("sonarr", new FakeSeerr.Servarr(sonarr.address(), sonarr.webPort(), key(sonarr),
                        new TreeMap<>(Map.of(1, "Any", 4, "HD-1080p")), List.of("/data/media/tv")))
                .reaches("radarr", new FakeSeerr.Servarr(radarr.address(), radarr.webPort(), key(radarr),
                        new TreeMap<>(Map.of(1, "Any")), List.of("/data/media/movies")));
        bazarr = FakeBazarr.start(BAZARRS_OWN_KEY)
                .reaches(sonarr.address() + ":" + sonarr.webPort(), new FakeBazarr.Arr("4.0.15.2941", key(sonarr)))
                .reaches(radarr.address() + ":" + radarr.webPort(), new FakeBazarr.Arr("6.0.4.10291", key(radarr)));
        // What Bazarr wrote at its first start: its own key, in its config folder on the target.
        Path config = Path.of(plan.service("bazarr").orElseThrow().mounts().stream().filter(m -> m.target().equals("/config"))
                .findFirst().orElseThrow().source(), BazarrSetup.CONFIG_FILE);
        Files.createDirectories(config.getParent());
        Files.writeString(config, "general:\n  port: 6767\nauth:\n  apikey: " + BAZARRS_OWN_KEY + "\n  type: null\n");
        local = new LocalTarget();
    }

    @AfterEach
    void stop() {
        if (seerr != null) {
            seerr.close();
        }
        if (bazarr != null) {
            bazarr.close();
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    void aFreshSeerrAndBazarrAreSetUpAndProvedThenASecondRunWritesNothing() {
        StackWiring.Outcome first = run(plan, WiringMemory.EMPTY);
        assertEquals(List.of(), first.result().needingAttention(), () -> first.result().links().toString());
        assertEquals(List.of("Bazarr → Sonarr", "Bazarr → Radarr", "Bazarr → subtitle languages (en, de)", "Seerr → Jellyfin",
                "Seerr → Sonarr", "Seerr → Radarr"), labels(first), "in the answers' order of the apps");
        assertEquals(List.of(), seerr.refused(), "every request and answer fits Seerr's own API description");
        assertEquals(List.of(), bazarr.refused());

        // Seerr: finished, its libraries on, Sonarr and Radarr with a profile and root folder their test read.
        assertTrue(seerr.initialized());
        assertEquals(List.of("Movies", "Shows"), seerr.enabledLibraries());
        JsonNode sonarr = seerr.instances("sonarr").getFirst();
        assertEquals("sonarr", sonarr.path("hostname").asText());
        assertEquals("/data/media/tv", sonarr.path("activeDirectory").asText());
        assertTrue(sonarr.path("isDefault").asBoolean() && !sonarr.path("is4k").asBoolean());
        assertEquals("/data/media/movies", seerr.instances("radarr").getFirst().path("activeDirectory").asText());

        // Bazarr: both apps at the addresses the containers use, a profile with the languages as the default.
        assertEquals("sonarr", bazarr.setting("sonarr", "ip"));
        assertEquals(8989, bazarr.setting("sonarr", "port"));
        assertEquals(true, bazarr.setting("general", "use_radarr"));
        JsonNode profile = bazarr.profiles().getFirst();
        assertEquals(BazarrSetup.PROFILE, profile.path("name").asText());
        assertEquals("en", profile.path("items").get(0).path("language").asText());
        assertEquals("de", profile.path("items").get(1).path("language").asText());
        assertEquals(Set.of("en", "de"), bazarr.enabledLanguages());
        assertEquals(profile.path("profileId").asInt(), bazarr.setting("general", "serie_default_profile"));
        assertEquals(true, bazarr.setting("general", "movie_default_enabled"));

        // Both apps' own keys are kept (Homepage reads them), never changed in the apps.
        assertEquals(Map.of("seerr_api_key", seerr.apiKey(), "bazarr_api_key", BAZARRS_OWN_KEY), first.madeSecrets());
        assertEquals(BAZARRS_OWN_KEY, bazarr.setting("auth", "apikey"));

        // The next deploy renders with the kept keys: nothing to write in either app.
        StackPlan next = withSecrets(plan, first.madeSecrets());
        int seerrWrites = seerr.writes();
        int bazarrWrites = bazarr.writes();
        StackWiring.Outcome again = run(next, first.memory());
        assertEquals(0, again.result().writes(), () -> again.result().links().toString());
        assertEquals(seerrWrites, seerr.writes());
        assertEquals(bazarrWrites, bazarr.writes());
        assertEquals(List.of(), again.result().needingAttention());
        assertEquals(Map.of(), again.madeSecrets());

        // berth status: only the apps' own tests.
        StackWiring.Outcome status = new StackWiring(addresses(), Optional.empty(), "this computer", Optional.of(local.files()))
                .run(next, setups(next), again.memory(), StackWiring.Mode.TEST_ONLY, p -> { }, () -> false);
        assertEquals(List.of(), status.result().needingAttention());
        assertEquals(seerrWrites, seerr.writes());
        assertEquals(bazarrWrites, bazarr.writes());

        // No key or password in a link or in what Berth remembers.
        String said = first.result() + "" + first.result().links() + again.result().links() + again.memory();
        for (String secret : List.of(seerr.apiKey(), BAZARRS_OWN_KEY, JELLYFIN_PASSWORD, key(plan.service("sonarr").orElseThrow()))) {
            assertFalse(said.contains(secret));
        }
    }

    @Test
    void whatThePersonSetUpOrChangedIsLeftAlone() {
        seerr.personSetsUp();
        bazarr.personSets("general", "use_sonarr", true);
        bazarr.personSets("sonarr", "ip", "192.168.1.20");
        StackWiring.Outcome first = run(plan, WiringMemory.EMPTY);
        Map<String, Link.Status> status = new TreeMap<>();
        first.result().links().forEach(l -> status.put(l.label(), l.status()));
        assertEquals(Link.Status.LEFT_ALONE, status.get("Seerr → Jellyfin"));
        assertEquals(Link.Status.LEFT_ALONE, status.get("Seerr → Sonarr"));
        assertEquals(Link.Status.LEFT_ALONE, status.get("Bazarr → Sonarr"));
        assertEquals(Link.Status.OK, status.get("Bazarr → Radarr"));
        assertEquals(0, seerr.writes(), "Seerr set up by the person gets no request that changes it");
        assertEquals(List.of(), seerr.instances("sonarr"));
        assertEquals("192.168.1.20", bazarr.setting("sonarr", "ip"));

        // The person then picks other languages in Berth's profile: kept, and nothing is written.
        bazarr.personAddsProfile(7, "Mine", List.of("fr"));
        JsonNode berths = bazarr.profiles().stream().filter(p -> p.path("name").asText().equals(BazarrSetup.PROFILE)).findFirst().orElseThrow();
        ((com.fasterxml.jackson.databind.node.ObjectNode) berths.path("items").get(0)).put("language", "nl");
        StackWiring.Outcome again = run(withSecrets(plan, first.madeSecrets()), first.memory());
        assertEquals(0, again.result().writes(), () -> again.result().links().toString());
        Link languages = again.result().links().stream().filter(l -> l.to().startsWith("subtitle languages")).findFirst().orElseThrow();
        assertEquals(Link.Status.LEFT_ALONE, languages.status());
        assertEquals(2, bazarr.profiles().size(), "the person's own profile survives");
        assertEquals(List.of(), bazarr.refused());
        assertEquals(List.of(), seerr.refused());
    }

    @Test
    void whatThePersonChangesAfterBerthIsLeftAlone() {
        StackWiring.Outcome first = run(plan, WiringMemory.EMPTY);
        assertEquals(List.of(), first.result().needingAttention());
        seerr.personRemoves("sonarr");
        bazarr.personSets("radarr", "ip", "10.0.0.7");
        bazarr.personAddsProfile(9, "Films in French", List.of("fr"));
        bazarr.personSets("general", "movie_default_profile", 9);
        StackWiring.Outcome again = run(withSecrets(plan, first.madeSecrets()), first.memory());
        Map<String, Link> links = new TreeMap<>();
        again.result().links().forEach(l -> links.put(l.label(), l));
        assertEquals(Link.Status.LEFT_ALONE, links.get("Seerr → Sonarr").status());
        assertTrue(links.get("Seerr → Sonarr").detail().contains("removed"), links.get("Seerr → Sonarr").detail());
        assertEquals(Link.Status.LEFT_ALONE, links.get("Bazarr → Radarr").status());
        assertEquals(Link.Status.OK, links.get("Bazarr → Sonarr").status());
        assertEquals(0, again.result().writes(), () -> again.result().links().toString());
        assertEquals(List.of(), seerr.instances("sonarr"));
        assertEquals("10.0.0.7", bazarr.setting("radarr", "ip"));
        assertEquals(9, bazarr.setting("general", "movie_default_profile"), "the default the person chose stays");
    }

    @Test
    void anAppThatRefusesIsShownWithItsWordsAndWhatToDo() {
        seerr.cannotReach("radarr");
        bazarr.unreachable("sonarr:8989");
        StackWiring.Outcome first = run(plan, WiringMemory.EMPTY);
        List<Link> attention = first.result().needingAttention();
        assertEquals(List.of("Bazarr → Sonarr", "Seerr → Radarr"), attention.stream().map(Link::label).toList());
        assertTrue(attention.get(0).detail().contains("Max retries exceeded"), attention.get(0).detail());
        assertTrue(attention.get(0).detail().contains("berth status"), attention.get(0).detail());
        assertTrue(attention.get(1).detail().contains("Failed to connect to Radarr"), attention.get(1).detail());
        assertTrue(attention.get(1).detail().contains("berth wire"), attention.get(1).detail());
        assertFalse(seerr.initialized(), "Seerr stays unfinished until Radarr is in, so the next run adds it");

        // Once Radarr answers, the next run adds it and finishes Seerr's setup.
        seerr.reaches("radarr", new FakeSeerr.Servarr("radarr", 7878, key(plan.service("radarr").orElseThrow()),
                new TreeMap<>(Map.of(1, "Any")), List.of("/data/media/movies")));
        StackWiring.Outcome retried = run(withSecrets(plan, first.madeSecrets()), first.memory());
        assertEquals(List.of("Bazarr → Sonarr"), retried.result().needingAttention().stream().map(Link::label).toList());
        assertTrue(seerr.initialized());
        assertEquals(1, seerr.instances("sonarr").size(), "Sonarr, added on the first run, is not added twice");
        assertEquals(List.of(), seerr.refused());
    }

    @Test
    void seerrWithPlexSaysWhatThePersonDoes() throws Exception {
        Answers plex = plan.answers().withServices(plan.answers().services().stream().map(s -> s.equals("jellyfin") ? "plex" : s).toList());
        StackPlan withPlex = new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(plex, Map.of());
        StackWiring.Outcome first = new StackWiring(addresses(), Optional.empty(), "this computer", Optional.of(local.files()))
                .run(withPlex, new WiringPlan(List.of(), List.of(), List.of(), AppSetups.of(withPlex).stream()
                        .filter(s -> s.service().equals("seerr")).toList()), WiringMemory.EMPTY, StackWiring.Mode.APPLY, p -> { }, () -> false);
        Link plexLink = first.result().links().getFirst();
        assertEquals("Seerr → Plex", plexLink.label());
        assertEquals(Link.Status.NEEDS_ATTENTION, plexLink.status());
        assertTrue(plexLink.detail().contains("sign in with Plex"), plexLink.detail());
        assertTrue(plexLink.detail().contains("secrets/sonarr_api_key"), plexLink.detail());
        assertEquals(0, seerr.writes());
    }

    @Test
    void seerrWithEmbySignsInAsTheAdminBerthMadeInEmby() throws Exception {
        Answers emby = plan.answers().withServices(plan.answers().services().stream().map(s -> s.equals("jellyfin") ? "emby" : s).toList());
        StackPlan withEmby = new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(emby, Map.of());
        PlannedService server = withEmby.service("emby").orElseThrow();
        PlannedService sonarr = withEmby.service("sonarr").orElseThrow();
        PlannedService radarr = withEmby.service("radarr").orElseThrow();
        try (FakeSeerr seerrWithEmby = FakeSeerr.start(new FakeSeerr.MediaServer(server.address(), server.webPort(), "admin",
                        withEmby.secrets().get("emby_password"), new TreeMap<>(Map.of("lib-movies", "Movies"))))
                .reaches("sonarr", new FakeSeerr.Servarr(sonarr.address(), sonarr.webPort(), withEmby.secrets().get("sonarr_api_key"),
                        new TreeMap<>(Map.of(1, "Any")), List.of("/data/media/tv")))
                .reaches("radarr", new FakeSeerr.Servarr(radarr.address(), radarr.webPort(), withEmby.secrets().get("radarr_api_key"),
                        new TreeMap<>(Map.of(1, "Any")), List.of("/data/media/movies")))) {
            StackWiring.Outcome first = new StackWiring(ServiceAddresses.loopback(Map.of("seerr", seerrWithEmby.port())), Optional.empty(),
                    "this computer", Optional.of(local.files())).run(withEmby, new WiringPlan(List.of(), List.of(), List.of(),
                    AppSetups.of(withEmby).stream().filter(s -> s.service().equals("seerr")).toList()), WiringMemory.EMPTY,
                    StackWiring.Mode.APPLY, p -> { }, () -> false);
            assertEquals(List.of(), first.result().needingAttention(), () -> first.result().links().toString());
            assertEquals(List.of("Seerr → Emby", "Seerr → Sonarr", "Seerr → Radarr"), labels(first));
            assertEquals(List.of(), seerrWithEmby.refused());
            assertTrue(seerrWithEmby.initialized(), "the person's first sign-in to Seerr is their own");
        }
    }

    private StackWiring.Outcome run(StackPlan p, WiringMemory memory) {
        return new StackWiring(addresses(), Optional.empty(), "this computer", Optional.of(local.files()))
                .run(p, setups(p), memory, StackWiring.Mode.APPLY, progress -> { }, () -> false);
    }

    /** Only Seerr's and Bazarr's setups (other branches add the media servers' own). */
    private static WiringPlan setups(StackPlan p) {
        return new WiringPlan(List.of(), List.of(), List.of(), AppSetups.of(p).stream()
                .filter(s -> Set.of("seerr", "bazarr").contains(s.service())).toList());
    }

    private ServiceAddresses addresses() {
        return ServiceAddresses.loopback(Map.of("seerr", seerr.port(), "bazarr", bazarr.port()));
    }

    private String key(PlannedService app) {
        return plan.secrets().get(app.definition().apiKey().orElseThrow().secret());
    }

    private static List<String> labels(StackWiring.Outcome outcome) {
        List<String> labels = new ArrayList<>();
        outcome.result().links().forEach(l -> labels.add(l.label()));
        return labels;
    }

    /** The plan as the next render makes it, with these secrets kept from the stack folder. */
    private static StackPlan withSecrets(StackPlan p, Map<String, String> secrets) {
        TreeMap<String, String> all = new TreeMap<>(p.secrets());
        all.putAll(secrets);
        return new StackPlan(p.answers(), p.services(), p.additions(), p.suggestions(), p.portMoves(), all, p.dataDirectories(),
                p.namedVolumes());
    }
}

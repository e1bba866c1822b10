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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jellyfin's first run, libraries and API key, through {@link StackWiring} as a deploy runs it
 * (memory in .berth/wiring.json, the made key in secrets/), against {@link FakeJellyfin}, which
 * checks every request against Jellyfin 10.11's own controllers.
 */
class JellyfinSetupTest {
    @TempDir
    Path tmp;
    private FakeJellyfin jellyfin;
    private final List<String> said = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        jellyfin = FakeJellyfin.start();
        Files.createDirectories(tmp.resolve("stack/secrets")); // as the deploy left it before the wiring
    }

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    private Answers answers(MediaAnswers media) {
        Answers a = Examples.answers("minimal-jellyfin"); // Europe/Berlin, no *arr app
        StorageAnswers s = a.storage();
        return a.withStorage(new StorageAnswers(tmp.resolve("stack").toString(), s.dataRoot(), s.configRoot(), s.puid(), s.pgid(),
                s.timeZone(), false)).withMedia(media);
    }

    private StackPlan plan(Answers answers, Map<String, String> previousSecrets) {
        return new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(answers, previousSecrets);
    }

    private WiringResult wire(StackPlan plan) throws Exception {
        StackWiring stack = new StackWiring(ServiceAddresses.loopback(Map.of("jellyfin", jellyfin.port())), Optional.empty(),
                "this computer");
        try (LocalTarget local = new LocalTarget()) {
            return stack.runOnStack(local, plan, WiringPlan.of(plan, Map.of()), StackWiring.Mode.APPLY, Optional.empty(),
                    p -> said.add(p.toString()), () -> false);
        }
    }

    private Map<String, String> secretsOnDisk() throws IOException {
        return secretsIn(tmp.resolve("stack/secrets"));
    }

    /** secrets/ as the next deploy reads it (shared with {@link EmbySetupTest}). */
    static Map<String, String> secretsIn(Path secrets) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(secrets)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return out;
    }

    static Map<String, Link> byLabel(WiringResult result) {
        Map<String, Link> out = new LinkedHashMap<>();
        result.links().forEach(l -> out.put(l.label(), l));
        return out;
    }

    @Test
    void aFreshServerIsSetUpOnceAndASecondRunWritesNothing() throws Exception {
        Answers answers = answers(MediaAnswers.DEFAULTS);
        StackPlan plan = plan(answers, Map.of());
        assertEquals("", plan.secrets().get("jellyfin_api_key"), "the key starts as an empty placeholder");

        // The deploy wrote the empty placeholder, and Homepage mounted that very file (a Compose secret is a bind mount).
        Path placeholder = tmp.resolve("stack/secrets/jellyfin_api_key");
        Files.writeString(placeholder, "");
        Files.setPosixFilePermissions(placeholder, PosixFilePermissions.fromString("rw-------"));
        Object inode = Files.getAttribute(placeholder, "unix:ino");

        WiringResult first = wire(plan);

        assertEquals(List.of(), jellyfin.refused(), "every request fits Jellyfin's controllers");
        Map<String, Link> links = byLabel(first);
        assertEquals(java.util.Set.of("Jellyfin → first run", "Jellyfin → library Movies", "Jellyfin → library Shows",
                "Jellyfin → API key"), links.keySet());
        assertEquals(4, first.links().size());
        assertTrue(first.links().stream().allMatch(l -> l.status() == Link.Status.OK), first.links()::toString);
        assertTrue(jellyfin.completed());
        assertEquals("Berth", jellyfin.serverName());
        assertEquals("de/DE/de", jellyfin.languages(), "culture, country and language from Europe/Berlin");
        assertEquals(false, jellyfin.remoteAccess(), "a stack without a domain stays on the home network");
        assertEquals(Map.of("admin", plan.secrets().get("jellyfin_password")), jellyfin.users());
        // No *arr app chosen: the libraries jellyfin.yaml's setup.defaultLibraries names, for files put there by hand.
        assertEquals(Map.of("Movies", List.of("/data/media/movies"), "Shows", List.of("/data/media/tv")), jellyfin.libraries());
        assertEquals(List.of("Berth"), jellyfin.keyNames());
        String key = secretsOnDisk().get("jellyfin_api_key");
        assertTrue(jellyfin.isKey(key), "the key Jellyfin made is kept in secrets/");
        assertEquals(inode, Files.getAttribute(placeholder, "unix:ino"), "filled in place: the mounted file itself holds the key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("stack/secrets/jellyfin_api_key"))));
        assertEquals(List.of(new Credential("Jellyfin", "http://localhost:8096/", "admin", "jellyfin_password", true)),
                first.credentials());

        // The next deploy plans with the kept key; Berth signs in with it and finds everything in place.
        int writes = jellyfin.writes();
        int calls = jellyfin.calls().size();
        StackPlan again = plan(answers, secretsOnDisk());
        assertEquals(key, again.secrets().get("jellyfin_api_key"));
        WiringResult second = wire(again);
        assertEquals(0, second.writes());
        assertEquals(writes, jellyfin.writes(), "Jellyfin counted no write on the second run");
        assertFalse(jellyfin.calls().subList(calls, jellyfin.calls().size()).contains("POST /Users/AuthenticateByName"),
                "the second run signs in with the key, not the password");
        assertTrue(second.links().stream().allMatch(l -> l.status() == Link.Status.OK), second.links()::toString);
        assertEquals(List.of(), second.credentials(), "the admin was handed over once");
        assertEquals(List.of("Berth"), jellyfin.keyNames(), "no second key");

        // berth status only asks: the same rows, and not one write.
        WiringPlan wiring = WiringPlan.of(again, Map.of());
        StackWiring.Outcome status = new StackWiring(ServiceAddresses.loopback(Map.of("jellyfin", jellyfin.port())), Optional.empty(),
                "this computer").run(again, wiring, new WiringMemory(Map.of("jellyfin", Map.of("firstrun", "admin"))),
                StackWiring.Mode.TEST_ONLY, p -> { }, () -> false);
        assertEquals(writes, jellyfin.writes());
        assertEquals(links.keySet(), byLabel(status.result()).keySet());
        assertEquals(List.of(), status.result().needingAttention());

        String everything = String.join("\n", said) + first + second + Files.readString(tmp.resolve("stack/.berth/wiring.json"));
        for (String secret : List.of(key, plan.secrets().get("jellyfin_password"))) {
            assertFalse(everything.contains(secret), "a secret in what the wiring said or kept");
        }
    }

    @Test
    void aServerThePersonSetUpIsNeverRenamedAndGetsNoUser() throws Exception {
        jellyfin.personDidTheFirstRun("alice", "her own password", "Living room");
        Answers answers = answers(new MediaAnswers("Wohnzimmer", null, null, List.of(), Map.of(), null));

        WiringResult result = wire(plan(answers, Map.of()));

        assertEquals(0, result.writes());
        assertEquals(List.of(), jellyfin.refused());
        assertEquals("Living room", jellyfin.serverName());
        assertEquals(Map.of("alice", "her own password"), jellyfin.users());
        assertEquals(Map.of("Films", List.of("/data/media/movies")), jellyfin.libraries());
        assertEquals(1, result.links().size());
        Link link = result.links().getFirst();
        assertEquals(Link.Status.LEFT_ALONE, link.status());
        assertTrue(link.detail().contains("renamed nothing and made no user"), link.detail());
        assertTrue(link.detail().contains("Movies (/data/media/movies)") && link.detail().contains("secrets/jellyfin_api_key"),
                link.detail());
        assertEquals(List.of(), result.credentials());

        // With a key of the person's own in secrets/, Berth adds the missing libraries and still touches no user.
        String theirs = jellyfin.personMakesKey("Mine");
        Map<String, String> secrets = new TreeMap<>(plan(answers, Map.of()).secrets());
        secrets.put("jellyfin_api_key", theirs);
        WiringResult withKey = wire(plan(answers, secrets));
        assertEquals(List.of(), jellyfin.refused());
        assertEquals(Map.of("Films", List.of("/data/media/movies"), "Shows", List.of("/data/media/tv")), jellyfin.libraries(),
                "Films already shows /data/media/movies");
        assertEquals(Map.of("alice", "her own password"), jellyfin.users());
        assertEquals("Living room", jellyfin.serverName());
        assertEquals(List.of("Mine"), jellyfin.keyNames(), "no key made beside the person's");
        Map<String, Link> links = byLabel(withKey);
        assertEquals(Link.Status.LEFT_ALONE, links.get("Jellyfin → first run").status());
        assertEquals(List.of(), withKey.needingAttention());
        assertEquals(Link.Status.OK, links.get("Jellyfin → library Shows").status());
    }

    @Test
    void aLibraryJellyfinRefusesNeedsAttentionInItsWordsAndTheRestIsDone() throws Exception {
        jellyfin.folderMissing("/data/media/tv");

        WiringResult result = wire(plan(answers(MediaAnswers.DEFAULTS), Map.of()));

        Map<String, Link> links = byLabel(result);
        Link shows = links.get("Jellyfin → library Shows");
        assertEquals(Link.Status.NEEDS_ATTENTION, shows.status());
        assertTrue(shows.detail().contains("The specified path does not exist: /data/media/tv."), shows.detail());
        assertTrue(shows.detail().contains("Check that the folder exists"), shows.detail());
        assertEquals(List.of("Jellyfin → library Shows"), result.needingAttention().stream().map(Link::label).toList());
        assertEquals(Link.Status.OK, links.get("Jellyfin → library Movies").status());
        assertEquals(Link.Status.OK, links.get("Jellyfin → API key").status());
        assertTrue(jellyfin.isKey(secretsOnDisk().get("jellyfin_api_key")));
    }

    @Test
    void theLibrariesFollowTheArrAppsChosen() {
        Answers answers = answers(MediaAnswers.DEFAULTS).withServices(List.of("jellyfin", "radarr", "sonarr", "qbittorrent"));
        assertEquals(List.of(new MediaLibrary("Movies", "movies", "/data/media/movies"), new MediaLibrary("Shows", "tvshows", "/data/media/tv")),
                wanted(answers));
        assertEquals(List.of(new MediaLibrary("Music", "music", "/data/media/music")),
                wanted(answers.withServices(List.of("jellyfin", "lidarr", "qbittorrent"))), "Lidarr alone: its music, no films or shows");
        assertEquals(List.of(new MediaLibrary("Movies", "movies", "/data/media/movies"), new MediaLibrary("Shows", "tvshows", "/data/media/tv")),
                wanted(answers.withServices(List.of("jellyfin"))), "no *arr app: jellyfin.yaml's setup.defaultLibraries");
    }

    /** Jellyfin's libraries in the plan of these answers, and the folders the deploy makes for them under the data root. */
    private List<MediaLibrary> wanted(Answers answers) {
        StackPlan plan = plan(answers, Map.of());
        List<MediaLibrary> libraries = MediaLibrary.wanted(plan, plan.service("jellyfin").orElseThrow(), Catalog.builtIn());
        for (MediaLibrary library : libraries) {
            assertTrue(plan.dataDirectories().contains(library.path().substring("/data/".length())),
                    library + " is over a folder the deploy makes: " + plan.dataDirectories());
        }
        return libraries;
    }
}

package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AppSync against the OpenAPI-checked doubles of Sonarr, Radarr, Lidarr and Prowlarr. */
class AppSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<ArrApp, FakeArr> apps = new EnumMap<>(ArrApp.class);
    private final List<String> everythingSaid = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.values().forEach(FakeArr::close);
        apps.values().forEach(a -> {
            assertEquals(List.of(), a.badAnswers(), "the double answered outside " + a.app() + "'s own schema");
        });
    }

    private FakeArr app(ArrApp app) throws Exception {
        if (!apps.containsKey(app)) {
            apps.put(app, FakeArr.start(app, WiringExamples.KEYS.get(app)));
        }
        return apps.get(app);
    }

    private AppSyncResult sync(ArrApp app, AppWiring wiring, Map<String, String> memory) throws Exception {
        try (ArrClient client = app(app).client()) {
            AppSyncResult result = AppSync.apply(wiring, client, memory, () -> false);
            result.links().forEach(l -> everythingSaid.add(l.toString()));
            everythingSaid.add(result.toString());
            return result;
        }
    }

    private static Link link(AppSyncResult r, String to) {
        return r.links().stream().filter(l -> l.to().equals(to)).findFirst().orElseThrow(() -> new AssertionError("no link to " + to + " in " + r.links()));
    }

    @Test
    void theFirstRunMakesEverythingAndProvesIt() throws Exception {
        for (ArrApp a : ArrApp.values()) {
            AppSyncResult r = sync(a, WiringExamples.of(a), Map.of());

            assertTrue(r.links().stream().allMatch(l -> l.status() == Link.Status.OK), r.links()::toString);
            assertEquals(List.of(), app(a).refusedBodies());
            assertEquals("forms berth", app(a).signIn());
            assertTrue(app(a).passwordIs(WiringExamples.SIGN_IN_PASSWORD));
        }
        FakeArr sonarr = app(ArrApp.SONARR);
        assertEquals(List.of("/data/media/tv"), sonarr.rootFolders());
        assertEquals("gluetun", sonarr.field(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "host").orElseThrow().asText());
        assertEquals("tv", sonarr.field(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "tvCategory").orElseThrow().asText());
        assertEquals(WiringExamples.QBIT_PASSWORD, sonarr.field(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "password").orElseThrow().asText());
        assertEquals(WiringExamples.SABNZBD_KEY, sonarr.field(Wanted.Kind.DOWNLOAD_CLIENT, "SABnzbd", "apiKey").orElseThrow().asText());
        FakeArr prowlarr = app(ArrApp.PROWLARR);
        assertEquals(List.of("flaresolverr"), prowlarr.tags());
        ObjectNode proxy = prowlarr.stored(Wanted.Kind.INDEXER_PROXY, "FlareSolverr").orElseThrow();
        assertEquals(prowlarr.exchanges().stream().filter(e -> e.path().endsWith("/tag") && e.method().equals("POST")).count(), 1);
        assertEquals(1, proxy.path("tags").size());
        assertEquals(List.of("Lidarr", "Radarr", "Sonarr"), prowlarr.stored(Wanted.Kind.APPLICATION).stream()
                .map(e -> e.path("name").asText()).sorted().toList());
        assertEquals("fullSync", prowlarr.stored(Wanted.Kind.APPLICATION, "Radarr").orElseThrow().path("syncLevel").asText());
        assertEquals(List.of("Sonarr → /data/media/tv", "Sonarr sign-in", "Sonarr → qBittorrent", "Sonarr → SABnzbd"),
                sync(ArrApp.SONARR, WiringExamples.of(ArrApp.SONARR), Map.of()).links().stream().map(Link::label).toList());
    }

    @Test
    void aReRunWithNothingChangedSendsNoWriteRequest() throws Exception {
        Map<ArrApp, AppSyncResult> first = new EnumMap<>(ArrApp.class);
        for (ArrApp a : ArrApp.values()) {
            first.put(a, sync(a, WiringExamples.of(a), Map.of()));
        }
        for (ArrApp a : ArrApp.values()) {
            int writes = app(a).writes();

            AppSyncResult again = sync(a, WiringExamples.of(a), first.get(a).memory());

            assertEquals(writes, app(a).writes(), a + " got write requests on a re-run: " + app(a).exchanges());
            assertEquals(0, again.writes());
            assertEquals(first.get(a).memory(), again.memory());
            assertTrue(again.links().stream().allMatch(l -> l.status() == Link.Status.OK), again.links()::toString);
        }
    }

    @Test
    void aDownloadClientThePersonAddedSurvivesAndOneWithBerthsNameIsLeftAlone() throws Exception {
        FakeArr sonarr = app(ArrApp.SONARR);
        sonarr.personAdds(Wanted.Kind.DOWNLOAD_CLIENT, """
                {"name":"Seedbox","implementation":"Transmission","configContract":"TransmissionSettings","enable":true,
                 "protocol":"torrent","priority":5,"tags":[],
                 "fields":[{"name":"host","value":"seedbox.example.net"},{"name":"port","value":443},{"name":"useSsl","value":true},
                           {"name":"password","value":"persons-own"}]}""");
        sonarr.personAdds(Wanted.Kind.DOWNLOAD_CLIENT, """
                {"name":"qbittorrent","implementation":"QBittorrent","configContract":"QBittorrentSettings","enable":true,
                 "protocol":"torrent","priority":1,"tags":[],
                 "fields":[{"name":"host","value":"192.168.1.20"},{"name":"port","value":8081},{"name":"tvCategory","value":"sonarr"}]}""");
        ObjectNode seedbox = sonarr.stored(Wanted.Kind.DOWNLOAD_CLIENT, "Seedbox").orElseThrow();
        ObjectNode own = sonarr.stored(Wanted.Kind.DOWNLOAD_CLIENT, "qbittorrent").orElseThrow();

        AppSyncResult r = sync(ArrApp.SONARR, WiringExamples.of(ArrApp.SONARR), Map.of());

        assertEquals(seedbox, sonarr.stored(Wanted.Kind.DOWNLOAD_CLIENT, "Seedbox").orElseThrow());
        assertEquals(own, sonarr.stored(Wanted.Kind.DOWNLOAD_CLIENT, "qbittorrent").orElseThrow());
        Link left = link(r, "qBittorrent");
        assertEquals(Link.Status.LEFT_ALONE, left.status());
        assertTrue(left.detail().contains("did not make") && left.detail().contains("delete it in Sonarr's Settings → Download Clients"),
                left::detail);
        assertEquals(Link.Status.OK, link(r, "SABnzbd").status());
        assertFalse(r.memory().containsKey("downloadclient:qBittorrent"));
        assertTrue(sonarr.exchanges().stream().noneMatch(e -> e.path().endsWith("/downloadclient/" + own.path("id").asInt())),
                "the person's entry was neither changed nor removed");
    }

    @Test
    void anEntryBerthMadeThatThePersonEditedIsLeftAlone() throws Exception {
        FakeArr radarr = app(ArrApp.RADARR);
        AppSyncResult first = sync(ArrApp.RADARR, WiringExamples.of(ArrApp.RADARR), Map.of());
        radarr.personChanges(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "movieCategory", "films");
        int writes = radarr.writes();
        // Berth now wants another port: it may change its own entry, but this one is the person's now.
        AppWiring moved = WiringExamples.library(ArrApp.RADARR, withField(WiringExamples.qbittorrent(ArrApp.RADARR), "port", 8090),
                WiringExamples.sabnzbd(ArrApp.RADARR));

        AppSyncResult r = sync(ArrApp.RADARR, moved, first.memory());

        assertEquals(writes, radarr.writes());
        assertEquals("films", radarr.field(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "movieCategory").orElseThrow().asText());
        assertEquals(8080, radarr.field(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "port").orElseThrow().asInt());
        Link left = link(r, "qBittorrent");
        assertEquals(Link.Status.LEFT_ALONE, left.status());
        assertTrue(left.detail().contains("changed by hand"), left::detail);
    }

    @Test
    void berthChangesItsOwnEntryWhenTheWantedSettingsChangeAndKeepsTheOtherSettings() throws Exception {
        FakeArr lidarr = app(ArrApp.LIDARR);
        AppSyncResult first = sync(ArrApp.LIDARR, WiringExamples.of(ArrApp.LIDARR), Map.of());
        lidarr.personChanges(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "initialState", 2); // not a setting Berth sets
        int writes = lidarr.writes();
        AppWiring moved = WiringExamples.library(ArrApp.LIDARR, withField(WiringExamples.qbittorrent(ArrApp.LIDARR), "port", 8090),
                WiringExamples.sabnzbd(ArrApp.LIDARR));

        AppSyncResult r = sync(ArrApp.LIDARR, moved, first.memory());

        assertEquals(writes + 1, lidarr.writes());
        assertEquals(8090, lidarr.field(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "port").orElseThrow().asInt());
        assertEquals(2, lidarr.field(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "initialState").orElseThrow().asInt());
        assertEquals(WiringExamples.QBIT_PASSWORD, lidarr.field(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "password").orElseThrow().asText());
        assertEquals(Link.Status.OK, link(r, "qBittorrent").status());
        assertEquals(0, sync(ArrApp.LIDARR, moved, r.memory()).writes());
    }

    @Test
    void aNewSecretIsSentAlthoughTheAppNeverShowsIt() throws Exception {
        FakeArr sonarr = app(ArrApp.SONARR);
        AppSyncResult first = sync(ArrApp.SONARR, WiringExamples.of(ArrApp.SONARR), Map.of());
        Wanted.Provider rotated = withField(WiringExamples.qbittorrent(ArrApp.SONARR), "password", "anotherPASSWORDq9");

        AppSyncResult r = sync(ArrApp.SONARR, WiringExamples.library(ArrApp.SONARR, rotated, WiringExamples.sabnzbd(ArrApp.SONARR)),
                first.memory());

        assertEquals(1, r.writes());
        assertEquals("anotherPASSWORDq9", sonarr.field(Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent", "password").orElseThrow().asText());
        assertFalse(r.memory().toString().contains("anotherPASSWORDq9"));
    }

    @Test
    void replacingQbittorrentWithTransmissionRemovesOnlyBerthsOwnEntry() throws Exception {
        FakeArr sonarr = app(ArrApp.SONARR);
        AppSyncResult first = sync(ArrApp.SONARR, WiringExamples.of(ArrApp.SONARR), Map.of());
        sonarr.personAdds(Wanted.Kind.DOWNLOAD_CLIENT, """
                {"name":"Old box","implementation":"QBittorrent","configContract":"QBittorrentSettings","enable":false,
                 "protocol":"torrent","priority":9,"tags":[],"fields":[{"name":"host","value":"10.0.0.9"}]}""");

        AppSyncResult r = sync(ArrApp.SONARR, WiringExamples.library(ArrApp.SONARR, WiringExamples.transmission(ArrApp.SONARR),
                WiringExamples.sabnzbd(ArrApp.SONARR)), first.memory());

        assertEquals(List.of("Old box", "SABnzbd", "Transmission"), sonarr.stored(Wanted.Kind.DOWNLOAD_CLIENT).stream()
                .map(e -> e.path("name").asText()).sorted().toList());
        assertEquals(2, r.writes(), "one delete, one create");
        assertFalse(r.memory().containsKey("downloadclient:qBittorrent"));
        assertTrue(r.memory().containsKey("downloadclient:Transmission"));
        assertEquals(Link.Status.OK, link(r, "Transmission").status());
        assertTrue(r.links().stream().noneMatch(l -> l.to().equals("qBittorrent")), r.links()::toString);
    }

    @Test
    void oneRefusedEntryAndOneFailingTestLeaveTheOthersWired() throws Exception {
        FakeArr sonarr = app(ArrApp.SONARR);
        sonarr.refuseSaves("SABnzbd", "ApiKey", "API Key Incorrect");
        sonarr.failTests("qBittorrent", "Host", "Unable to connect to qBittorrent");

        AppSyncResult r = sync(ArrApp.SONARR, WiringExamples.of(ArrApp.SONARR), Map.of());

        Link sab = link(r, "SABnzbd");
        assertEquals(Link.Status.NEEDS_ATTENTION, sab.status());
        assertTrue(sab.detail().contains("ApiKey: API Key Incorrect") && sab.detail().contains("berth wire"), sab::detail);
        // The app tests an enabled client before saving it: qBittorrent unreachable is refused in the app's words.
        Link qbit = link(r, "qBittorrent");
        assertEquals(Link.Status.NEEDS_ATTENTION, qbit.status());
        assertTrue(qbit.detail().contains("Host: Unable to connect to qBittorrent"), qbit::detail);
        assertEquals(Link.Status.OK, link(r, "/data/media/tv").status());
        assertEquals(Link.Status.OK, link(r, "sign-in").status());
        assertEquals(List.of(), sonarr.stored(Wanted.Kind.DOWNLOAD_CLIENT));
        assertFalse(r.memory().containsKey("downloadclient:SABnzbd"), "nothing to remember of a refused entry");
    }

    @Test
    void aTestThatFailsLaterMakesOnlyThatLinkNeedAttentionWithoutAWrite() throws Exception {
        FakeArr radarr = app(ArrApp.RADARR);
        AppSyncResult first = sync(ArrApp.RADARR, WiringExamples.of(ArrApp.RADARR), Map.of());
        radarr.failTests("SABnzbd", "", "Unable to connect to SABnzbd, please check your settings");
        int writes = radarr.writes();

        AppSyncResult r = sync(ArrApp.RADARR, WiringExamples.of(ArrApp.RADARR), first.memory());

        assertEquals(writes, radarr.writes());
        Link sab = link(r, "SABnzbd");
        assertEquals(Link.Status.NEEDS_ATTENTION, sab.status());
        assertTrue(sab.detail().contains("Radarr's own test of SABnzbd failed: Unable to connect to SABnzbd"), sab::detail);
        assertEquals(Link.Status.OK, link(r, "qBittorrent").status());
    }

    @Test
    void prowlarrProvesEachAppWithItsKey() throws Exception {
        FakeArr prowlarr = app(ArrApp.PROWLARR);
        prowlarr.reaches("http://sonarr:8989", app(ArrApp.SONARR));
        prowlarr.reaches("http://radarr:7878", app(ArrApp.RADARR));
        AppSyncResult first = sync(ArrApp.PROWLARR, WiringExamples.of(ArrApp.PROWLARR), Map.of());
        assertEquals(Link.Status.OK, link(first, "Sonarr").status());
        // Radarr's key changed since (say, in its own settings page), and Berth's answers still hold the old one.
        AppSyncResult r;
        try (FakeArr renewed = FakeArr.start(ArrApp.RADARR, "anotherKEY00000000000000000000000")) {
            prowlarr.reaches("http://radarr:7878", renewed);

            r = sync(ArrApp.PROWLARR, WiringExamples.of(ArrApp.PROWLARR), first.memory());
        }

        Link radarr = link(r, "Radarr");
        assertEquals(Link.Status.NEEDS_ATTENTION, radarr.status());
        assertTrue(radarr.detail().contains("Prowlarr's own test of Radarr failed: ApiKey: API Key is invalid"), radarr::detail);
        assertEquals(Link.Status.OK, link(r, "Sonarr").status());
        assertEquals(0, r.writes());
    }

    @Test
    void aSignInThePersonSetIsLeftAlone() throws Exception {
        FakeArr radarr = app(ArrApp.RADARR);
        try (ArrClient client = radarr.client()) {
            ObjectNode host = client.hostConfig();
            host.put("authenticationMethod", "forms").put("username", "me").put("password", "mine").put("passwordConfirmation", "mine");
            client.updateHostConfig(host);
        }

        AppSyncResult r = sync(ArrApp.RADARR, WiringExamples.of(ArrApp.RADARR), Map.of());

        assertEquals(Link.Status.LEFT_ALONE, link(r, "sign-in").status());
        assertTrue(link(r, "sign-in").detail().contains("choose forms with the user name berth in Radarr's Settings"),
                link(r, "sign-in")::detail);
        assertEquals("forms me", radarr.signIn());
        assertTrue(radarr.passwordIs("mine"));
    }

    @Test
    void aNewSignInPasswordIsSetOnceAndTheStoredHashIsNeverSentBack() throws Exception {
        FakeArr prowlarr = app(ArrApp.PROWLARR);
        AppSyncResult first = sync(ArrApp.PROWLARR, WiringExamples.of(ArrApp.PROWLARR), Map.of());
        List<Wanted> wanted = new ArrayList<>(WiringExamples.of(ArrApp.PROWLARR).wanted());
        wanted.set(0, new Wanted.SignIn("forms", "berth", "rotatedPASSWORDm4"));
        AppWiring rotated = new AppWiring("prowlarr", "Prowlarr", "/api/v1", WiringExamples.KEYS.get(ArrApp.PROWLARR), wanted);

        AppSyncResult r = sync(ArrApp.PROWLARR, rotated, first.memory());

        assertEquals(1, r.writes());
        assertTrue(prowlarr.passwordIs("rotatedPASSWORDm4"));
        assertEquals(0, sync(ArrApp.PROWLARR, rotated, r.memory()).writes());
        assertTrue(prowlarr.passwordIs("rotatedPASSWORDm4"), "a hash sent back would have been hashed again");
        // A run whose memory was lost takes Berth's own user back and sets its password once more.
        assertEquals(Link.Status.OK, link(sync(ArrApp.PROWLARR, rotated, Map.of()), "sign-in").status());
        assertFalse(String.join("\n", everythingSaid).contains("rotatedPASSWORDm4"));
    }

    @Test
    void aWrongKeyMakesEveryLinkNeedAttentionWithoutThrowing() throws Exception {
        FakeArr lidarr = app(ArrApp.LIDARR);
        AppWiring wiring = WiringExamples.of(ArrApp.LIDARR);
        try (ArrClient client = new ArrClient(lidarr.base(), "/api/v1", "wrongKEY000000000000000000000000", "Lidarr (test double)")) {
            AppSyncResult r = AppSync.apply(wiring, client, Map.of(), () -> false);
            r.links().forEach(l -> everythingSaid.add(l.toString()));

            assertEquals(4, r.links().size());
            assertTrue(r.links().stream().allMatch(l -> l.status() == Link.Status.NEEDS_ATTENTION
                    && l.detail().contains("did not accept Berth's API key")), r.links()::toString);
            assertFalse(r.links().toString().contains("wrongKEY"));
        }
    }

    @Test
    void cancellingStopsBeforeTheNextCall() throws Exception {
        FakeArr sonarr = app(ArrApp.SONARR);
        try (ArrClient client = sonarr.client()) {
            assertThrows(CancellationException.class, () -> AppSync.apply(WiringExamples.of(ArrApp.SONARR), client, Map.of(), () -> true));
        }
        assertEquals(List.of(), sonarr.exchanges());
    }

    @Test
    void noSecretInAnyLinkMessageMemoryOrToString() throws Exception {
        for (ArrApp a : ArrApp.values()) {
            app(a).refuseSaves("SABnzbd", "Host", "Unable to connect to SABnzbd");
            app(a).failTests("qBittorrent", "Password", "Authentication failure");
            AppWiring wiring = WiringExamples.of(a);
            everythingSaid.add(wiring.toString());
            wiring.wanted().forEach(w -> everythingSaid.add(w.toString()));
            AppSyncResult r = sync(a, wiring, Map.of());
            everythingSaid.add(r.memory().toString());
            try (ArrClient client = app(a).client()) {
                everythingSaid.add(client.toString());
                everythingSaid.add(assertThrows(ArrException.class, () -> client.create(Wanted.Kind.DOWNLOAD_CLIENT,
                        (ObjectNode) JSON.valueToTree(Map.of("name", "SABnzbd",
                                "implementation", "Sabnzbd", "configContract", "SabnzbdSettings",
                                "fields", List.of(Map.of("name", "apiKey", "value", WiringExamples.SABNZBD_KEY)))))).getMessage());
                everythingSaid.add(assertThrows(ArrException.class, () -> new ArrClient(app(a).base(), a.apiPath(),
                        WiringExamples.KEYS.get(a), "x").createRootFolder(
                        (ObjectNode) JSON.valueToTree(Map.of("path", "relative")))).getMessage());
            }
        }
        String said = String.join("\n", everythingSaid);
        assertTrue(said.contains("Authentication failure"), "the app's own words are kept");
        for (String secret : WiringExamples.secrets()) {
            assertFalse(said.contains(secret), "a secret in what AppSync said:\n" + said);
        }
    }

    private static Wanted.Provider withField(Wanted.Provider p, String field, Object value) {
        Map<String, Object> fields = new HashMap<>(p.fields());
        fields.put(field, value);
        return new Wanted.Provider(p.kind(), p.name(), p.implementation(), p.configContract(), fields, p.secretFields(),
                p.properties(), p.tagLabels(), p.linkTo());
    }
}

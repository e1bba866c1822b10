package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Catalog;
import dev.berth.plan.Planner;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** What Berth wires in the example stacks, from the plan and the catalog alone. */
class WiringPlanTest {
    private static StackPlan plan(String example) {
        return new Planner(Catalog.builtIn(), Examples.repeatableGenerator()).plan(Examples.answers(example), Map.of());
    }

    private static AppWiring app(WiringPlan wiring, String service) {
        return wiring.apps().stream().filter(a -> a.service().equals(service)).findFirst().orElseThrow(() -> new AssertionError(service + " not wired"));
    }

    private static <T extends Wanted> List<T> wanted(AppWiring app, Class<T> type) {
        return app.wanted().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Wanted.Provider provider(AppWiring app, Wanted.Kind kind, String name) {
        return wanted(app, Wanted.Provider.class).stream().filter(p -> p.kind() == kind && p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(app.service() + " has no " + kind + " " + name + ": " + app.wanted()));
    }

    @Test
    void theFullExampleWiresEveryArrAppWithTheRoutedClientsAtGluetunAndTheMovedPort() {
        StackPlan plan = plan("full-wireguard");
        WiringPlan wiring = WiringPlan.of(plan, Map.of());
        assertEquals(List.of("sonarr", "radarr", "lidarr", "prowlarr"), wiring.apps().stream().map(AppWiring::service).toList());

        PlannedService qbittorrent = plan.service("qbittorrent").orElseThrow();
        PlannedService sabnzbd = plan.service("sabnzbd").orElseThrow();
        // Both listen on 8080 by default and share gluetun's network: one of them was moved.
        assertNotEquals(qbittorrent.webPort(), sabnzbd.webPort());

        AppWiring sonarr = app(wiring, "sonarr");
        assertEquals("/api/v3", sonarr.apiPath());
        assertEquals(plan.secrets().get("sonarr_api_key"), sonarr.apiKey());
        assertEquals(List.of(new Wanted.RootFolder("/data/media/tv", Map.of())), wanted(sonarr, Wanted.RootFolder.class));
        Wanted.Provider q = provider(sonarr, Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent");
        assertEquals("QBittorrent", q.implementation());
        assertEquals("QBittorrentSettings", q.configContract());
        assertEquals("gluetun", q.fields().get("host"));
        assertEquals(qbittorrent.webPort(), q.fields().get("port"));
        assertEquals("admin", q.fields().get("username"));
        assertEquals(plan.secrets().get("qbittorrent_password"), q.fields().get("password"));
        assertEquals("tv", q.fields().get("tvCategory"));
        assertEquals(java.util.Set.of("password"), q.secretFields());
        assertEquals("torrent", q.properties().get("protocol"));

        Wanted.Provider sab = provider(sonarr, Wanted.Kind.DOWNLOAD_CLIENT, "SABnzbd");
        assertEquals("Sabnzbd", sab.implementation());
        assertEquals("gluetun", sab.fields().get("host"));
        assertEquals(sabnzbd.webPort(), sab.fields().get("port"));
        assertEquals(plan.secrets().get("sabnzbd_api_key"), sab.fields().get("apiKey"));
        assertEquals(java.util.Set.of("apiKey"), sab.secretFields());
        assertEquals("usenet", sab.properties().get("protocol"));

        assertEquals("movies", provider(app(wiring, "radarr"), Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent").fields().get("movieCategory"));
        AppWiring lidarr = app(wiring, "lidarr");
        assertEquals("music", provider(lidarr, Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent").fields().get("musicCategory"));
        Wanted.RootFolder music = wanted(lidarr, Wanted.RootFolder.class).getFirst();
        assertEquals("/data/media/music", music.path());
        assertEquals("Music", music.properties().get("name"));
        assertEquals(1, music.properties().get("defaultMetadataProfileId"));
    }

    @Test
    void appsAuthelia_guardsWithoutAHostPortGetExternalSignIn() {
        StackPlan plan = plan("full-wireguard");
        WiringPlan wiring = WiringPlan.of(plan, Map.of());
        for (String service : List.of("sonarr", "radarr", "lidarr")) {
            assertEquals(0, plan.service(service).orElseThrow().hostWebPort(), service + " publishes no port in this example");
            assertEquals(List.of(new Wanted.SignIn("external", null, null)), wanted(app(wiring, service), Wanted.SignIn.class), service);
        }
        // Only qBittorrent's sign-in is handed over: the *arr apps are signed in to through Authelia.
        assertEquals(List.of("qBittorrent"), wiring.credentials().stream().map(Credential::service).toList());
        Credential qb = wiring.credentials().getFirst();
        assertEquals(new Credential("qBittorrent", "https://qbittorrent.example.com/", "admin", "qbittorrent_password", true), qb);
    }

    @Test
    void prowlarrGetsEachArrAppFlareSolverrWithItsTagAndTheDownloadClients() {
        StackPlan plan = plan("full-wireguard");
        AppWiring prowlarr = app(WiringPlan.of(plan, Map.of()), "prowlarr");
        assertEquals("/api/v1", prowlarr.apiPath());
        assertEquals(new Wanted.Tag("flaresolverr"), prowlarr.wanted().getFirst(), "the tag is made before the proxy that carries it");

        Wanted.Provider sonarr = provider(prowlarr, Wanted.Kind.APPLICATION, "Sonarr");
        assertEquals("Sonarr", sonarr.implementation());
        assertEquals("SonarrSettings", sonarr.configContract());
        assertEquals("fullSync", sonarr.properties().get("syncLevel"));
        // Prowlarr runs behind the VPN: the app reaches it at gluetun; Prowlarr reaches the app by its name.
        assertEquals("http://gluetun:9696", sonarr.fields().get("prowlarrUrl"));
        assertEquals("http://sonarr:8989", sonarr.fields().get("baseUrl"));
        assertEquals(plan.secrets().get("sonarr_api_key"), sonarr.fields().get("apiKey"));
        assertEquals(java.util.Set.of("apiKey"), sonarr.secretFields());
        assertEquals("Lidarr", provider(prowlarr, Wanted.Kind.APPLICATION, "Lidarr").implementation());
        assertEquals("http://radarr:7878", provider(prowlarr, Wanted.Kind.APPLICATION, "Radarr").fields().get("baseUrl"));

        Wanted.Provider flaresolverr = provider(prowlarr, Wanted.Kind.INDEXER_PROXY, "FlareSolverr");
        assertEquals("FlareSolverrSettings", flaresolverr.configContract());
        assertEquals("http://gluetun:8191/", flaresolverr.fields().get("host"));
        assertEquals(List.of("flaresolverr"), flaresolverr.tagLabels());

        Wanted.Provider qb = provider(prowlarr, Wanted.Kind.DOWNLOAD_CLIENT, "qBittorrent");
        assertEquals("gluetun", qb.fields().get("host"));
        assertFalse(qb.fields().containsKey("tvCategory"), "Prowlarr's clients have no *arr category field");
        assertEquals(2, wanted(prowlarr, Wanted.Provider.class).stream().filter(p -> p.kind() == Wanted.Kind.DOWNLOAD_CLIENT).count());
    }

    @Test
    void appsWithAHostPortGetFormsSignInWithAPasswordKeptAcrossRuns() {
        StackPlan first = plan("remote-ssh");
        WiringPlan wiring = WiringPlan.of(first, Map.of());
        AppWiring sonarr = app(wiring, "sonarr");
        String password = first.secrets().get("sonarr_password");
        assertEquals(24, password.length());
        assertEquals(List.of(new Wanted.SignIn("forms", "admin", password)), wanted(sonarr, Wanted.SignIn.class));
        Wanted.Provider transmission = provider(sonarr, Wanted.Kind.DOWNLOAD_CLIENT, "Transmission");
        assertEquals("transmission", transmission.fields().get("host"), "not routed: its service name");
        assertEquals(9091, transmission.fields().get("port"));
        assertEquals("/transmission/", transmission.fields().get("urlBase"));
        assertTrue(wiring.credentials().stream().allMatch(Credential::isNew));
        assertEquals(List.of("Transmission", "Sonarr", "Radarr"), wiring.credentials().stream().map(Credential::service).toList());
        assertEquals(new Credential("Sonarr", "http://nas.local:" + first.service("sonarr").orElseThrow().hostWebPort() + "/", "admin",
                "sonarr_password", true), wiring.credentials().get(1));
        assertTrue(wiring.apps().stream().noneMatch(a -> a.service().equals("prowlarr")));
        assertEquals(List.of("transmission"), wiring.clientSignIns().stream().map(WiringPlan.ClientSignIn::service).toList());

        // A re-run plans with the stack's secrets: the same password, and nothing handed over as new.
        StackPlan again = new Planner(Catalog.builtIn(), Examples.repeatableGenerator())
                .plan(Examples.answers("remote-ssh"), first.secrets());
        assertEquals(password, again.secrets().get("sonarr_password"));
        WiringPlan rerun = WiringPlan.of(again, first.secrets());
        assertTrue(rerun.credentials().stream().noneMatch(Credential::isNew));
    }

    @Test
    void aStackWithoutArrAppsOrDownloadClientsHasOnlyItsMediaServerToSetUp() {
        WiringPlan wiring = WiringPlan.of(plan("minimal-jellyfin"), Map.of());
        assertTrue(wiring.apps().isEmpty());
        assertTrue(wiring.clientSignIns().isEmpty());
        assertTrue(wiring.credentials().isEmpty()); // Jellyfin's admin is handed over by its setup, once made
        assertEquals(List.of("jellyfin"), wiring.setups().stream().map(AppSetup::service).toList());
    }

    @Test
    void noKeyOrPasswordInTheWiringsText() {
        StackPlan plan = plan("full-wireguard");
        String text = WiringPlan.of(plan, Map.of()).toString();
        Predicate<String> leaks = text::contains;
        // An empty value is the placeholder of a key an app makes itself: nothing to leak.
        plan.secrets().values().stream().filter(v -> !v.isEmpty()).forEach(v -> assertFalse(leaks.test(v), "a secret's value in " + text));
    }

    @Test
    void onOneHostOfSeveralTheWiringKeepsThatHostsAppsAndClientsAndStillPointsAtTheOthersByServiceName() {
        StackPlan plan = plan("full-wireguard");
        WiringPlan whole = WiringPlan.of(plan, Map.of());
        // sonarr's host, with the torrent client; radarr, lidarr, prowlarr and SABnzbd elsewhere.
        WiringPlan here = whole.on(List.of("sonarr", "qbittorrent", "gluetun"));

        assertEquals(List.of("sonarr"), here.apps().stream().map(AppWiring::service).toList());
        assertEquals(List.of("qbittorrent"), here.clientSignIns().stream().map(WiringPlan.ClientSignIn::service).toList());
        // What sonarr is told is the whole stack's: the client on another host keeps its address on the network.
        assertEquals(app(whole, "sonarr"), app(here, "sonarr"));
        assertTrue(here.credentials().stream().allMatch(c -> c.service().equals("qBittorrent") || c.service().equals("Sonarr")),
                here.credentials()::toString);
        assertTrue(here.setups().stream().allMatch(s -> List.of("sonarr", "qbittorrent", "gluetun").contains(s.service())));
        assertTrue(whole.on(List.of("jellyfin-nowhere")).isEmpty());
    }
}

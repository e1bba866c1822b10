package dev.berth.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltInCatalogTest {
    private static final List<String> REQUIRED = List.of(
            "jellyfin", "plex", "emby", "sonarr", "radarr", "lidarr", "prowlarr", "bazarr",
            "qbittorrent", "transmission", "nzbget", "sabnzbd", "seerr", "tautulli", "flaresolverr", "unpackerr",
            "recyclarr", "watchtower", "npm", "authelia", "redis", "fail2ban", "gluetun", "prometheus",
            "node-exporter", "cadvisor", "exportarr", "grafana", "homepage", "uptime-kuma");

    private final Catalog catalog = Catalog.builtIn();

    @Test
    void holdsEveryServiceTheIssueNames() {
        Set<String> ids = catalog.all().stream().map(ServiceDefinition::id).collect(Collectors.toSet());
        for (String id : REQUIRED) {
            assertTrue(ids.contains(id), "missing " + id);
        }
    }

    @Test
    void theShippedCatalogKeepsHostBoundHelpersWithWhatTheyRead() {
        Catalog catalog = Catalog.builtIn();
        assertEquals(List.of("prometheus"), catalog.get("node-exporter").placement().with());
        assertEquals(List.of("prometheus"), catalog.get("cadvisor").placement().with());
        assertEquals(List.of("npm", "authelia"), catalog.get("fail2ban").placement().with());
        for (String server : List.of("jellyfin", "plex", "emby")) {
            assertTrue(catalog.get(server).placement().mediaOverNfs(), server);
        }
        assertFalse(catalog.get("bazarr").placement().mediaOverNfs(), "Bazarr writes subtitles beside the media: on the storage host");
        assertEquals(PlacementSpec.FREE, catalog.get("sonarr").placement());
    }

    @Test
    void everyImageIsPinnedAndEveryServiceIsDescribed() {
        for (ServiceDefinition s : catalog.all()) {
            assertFalse(s.image().tag().equals("latest"), s.id());
            assertTrue(s.description().length() >= 40, s.id() + " needs a real description");
            assertTrue(s.ramMb() > 0, s.id());
            assertFalse(s.architectures().isEmpty(), s.id());
        }
    }

    /** Issue 16: apps that keep SQLite are stopped for the snapshot; caches, logs and media are left out. */
    @Test
    void appsThatKeepSqliteAreStoppedForTheSnapshotAndCachesAreLeftOut() {
        Set<String> stopped = catalog.all().stream().filter(s -> s.backup().stopForSnapshot())
                .map(ServiceDefinition::id).collect(Collectors.toCollection(java.util.TreeSet::new));
        assertEquals(new java.util.TreeSet<>(List.of("authelia", "bazarr", "emby", "grafana", "jellyfin", "lidarr", "npm", "plex",
                "prowlarr", "radarr", "sabnzbd", "seerr", "sonarr", "tautulli", "uptime-kuma")), stopped);
        stopped.forEach(id -> assertTrue(catalog.get(id).backup().reason().contains("SQLite"), id));
        assertTrue(catalog.get("plex").backup().excludes().containsAll(List.of(
                "Library/Application Support/Plex Media Server/Cache", "Library/Application Support/Plex Media Server/Logs",
                "Library/Application Support/Plex Media Server/Crash Reports", "Library/Application Support/Plex Media Server/Updates")));
        for (String arr : List.of("sonarr", "radarr", "lidarr")) {
            assertTrue(catalog.get(arr).backup().excludes().containsAll(List.of("logs", "MediaCover")), arr);
        }
        assertTrue(catalog.get("jellyfin").backup().excludes().containsAll(List.of("cache", "log", "data/transcodes")));
        assertEquals(List.of("*"), catalog.get("prometheus").backup().excludes(), "metrics are not settings");
        assertEquals(BackupSpec.LIVE_COPY, catalog.get("transmission").backup(), "plain files, copied while it runs");
    }

    @Test
    void webAppsHaveAHealthPathAndAHealthcheckOrABuiltInOne() {
        for (ServiceDefinition s : catalog.all()) {
            if (s.web() != null) {
                assertTrue(s.web().healthPath().startsWith("/"), s.id());
            }
        }
        assertTrue(catalog.get("gluetun").healthcheck().builtin());
        assertEquals("/ping", catalog.get("sonarr").web().healthPath());
        assertEquals("/health", catalog.get("jellyfin").web().healthPath());
    }

    /** The Done page says what each of these leaves to the person, since none is set up through an API. */
    @Test
    void recyclarrHomepageAndUptimeKumaSayWhatIsLeftOnTheDonePage() {
        assertTrue(catalog.get("recyclarr").handOver().contains("recyclarr sync"), "how to sync now");
        assertTrue(catalog.get("homepage").handOver().contains("No sign-in"));
        assertTrue(catalog.get("uptime-kuma").handOver().contains("Berth adds no monitors"), "and why");
        assertTrue(catalog.get("uptime-kuma").handOver().contains("admin account"));
    }

    /** Recyclarr's configuration serves only Sonarr and Radarr; each offers TRaSH profiles with the default first. */
    @Test
    void recyclarrServesSonarrAndRadarrWithTheirTrashProfiles() {
        assertEquals(List.of("sonarr", "radarr"), catalog.all().stream().filter(d -> d.recyclarr() != null).map(ServiceDefinition::id)
                .sorted(java.util.Comparator.reverseOrder()).toList());
        assertEquals("web-1080p", catalog.get("sonarr").recyclarr().profile(null).orElseThrow().key());
        assertEquals("hd-bluray-web", catalog.get("radarr").recyclarr().profile(null).orElseThrow().key());
        assertEquals(null, catalog.get("lidarr").recyclarr());
    }

    @Test
    void relationsSayWhatTheIssueSays() {
        assertTrue(catalog.get("sonarr").relations().requires().getFirst().anyOf().contains("download-client"));
        assertTrue(catalog.get("sonarr").relations().suggests().contains("prowlarr"));
        assertEquals(List.of("plex"), catalog.get("tautulli").relations().requires().getFirst().anyOf());
        assertEquals(Set.of("sonarr", "radarr"), Set.copyOf(catalog.get("recyclarr").relations().requires().getFirst().anyOf()));
        assertTrue(catalog.providing("download-client").stream().map(ServiceDefinition::id).toList()
                .containsAll(List.of("qbittorrent", "transmission", "nzbget", "sabnzbd")));
    }

    @Test
    void orderIsByCategoryThenId() {
        List<ServiceDefinition> all = catalog.all();
        for (int i = 1; i < all.size(); i++) {
            ServiceDefinition a = all.get(i - 1);
            ServiceDefinition b = all.get(i);
            assertTrue(a.category().compareTo(b.category()) < 0
                    || (a.category() == b.category() && a.id().compareTo(b.id()) < 0), a.id() + " before " + b.id());
        }
    }
}

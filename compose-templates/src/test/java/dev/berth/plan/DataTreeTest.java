package dev.berth.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Catalog;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data tree holds the folders the chosen apps use: a folder per kind an *arr app files, nothing more. */
class DataTreeTest {
    private final Catalog catalog = Catalog.builtIn();

    private List<String> tree(String... ids) {
        return DataTree.forDefinitions(List.of(ids).stream().map(catalog::get).toList());
    }

    @Test
    void jellyfinSonarrRadarrHaveNoMusicAndNoBooks() {
        assertEquals(List.of("media", "media/movies", "media/tv"), tree("jellyfin", "sonarr", "radarr"));
    }

    @Test
    void lidarrAddsMusicUnderMediaAndUnderEachDownloadClientsFolder() {
        assertEquals(List.of("torrents", "torrents/movies", "torrents/tv",
                        "usenet", "usenet/incomplete", "usenet/complete", "usenet/complete/movies", "usenet/complete/tv",
                        "media", "media/movies", "media/tv"),
                tree("jellyfin", "sonarr", "radarr", "qbittorrent", "sabnzbd"));
        assertEquals(List.of("torrents", "torrents/movies", "torrents/music", "torrents/tv",
                        "usenet", "usenet/incomplete", "usenet/complete", "usenet/complete/movies", "usenet/complete/music",
                        "usenet/complete/tv", "media", "media/movies", "media/music", "media/tv"),
                tree("jellyfin", "sonarr", "radarr", "lidarr", "qbittorrent", "sabnzbd"));
    }

    @Test
    void theOrderTheAppsWereChosenInChangesNothing() {
        assertEquals(tree("sonarr", "radarr", "lidarr", "transmission", "nzbget"), tree("nzbget", "lidarr", "transmission", "radarr", "sonarr"));
    }

    @Test
    void aMediaServerWithoutAnArrAppGetsItsOwnDefaultKindsAndNoOther() {
        for (String server : List.of("jellyfin", "emby", "plex")) {
            assertEquals(catalog.get(server).setup().defaultLibraries(), List.of("movies", "tv"), server + ".yaml");
            assertEquals(List.of("media", "media/movies", "media/tv"), tree(server), server);
        }
    }

    @Test
    void downloadClientsGetAFolderPerKindOfTheArrAppsOnly() {
        assertEquals(List.of("torrents", "usenet", "usenet/incomplete", "usenet/complete", "media", "media/movies", "media/tv"),
                tree("jellyfin", "qbittorrent", "sabnzbd"), "no *arr app: no category folders; the media server's own kinds under media/");
        assertEquals(List.of("torrents", "torrents/tv", "media", "media/tv"), tree("sonarr", "qbittorrent"),
                "no media server: the *arr app's kind still gets its library folder");
    }

    @Test
    void noServiceOfTheCatalogFilesBooksSoNoTreeHasThem() {
        List<String> whole = DataTree.forDefinitions(catalog.all());
        assertTrue(whole.stream().noneMatch(d -> d.endsWith("books")), whole::toString);
        assertTrue(whole.contains("media/music"), "Lidarr is in the catalog: " + whole);
    }

    @Test
    void thePlanListsTheSameTree() {
        StackPlan plan = Examples.repeatablePlanner().plan(Examples.answers("two-hosts"), Map.of());
        assertEquals(DataTree.forDefinitions(plan.services().stream().map(PlannedService::definition).toList()), plan.dataDirectories());
        assertEquals(List.of("torrents", "torrents/movies", "torrents/tv", "media", "media/movies", "media/tv"), plan.dataDirectories(),
                "jellyfin, sonarr, radarr, prowlarr, qbittorrent");
    }
}

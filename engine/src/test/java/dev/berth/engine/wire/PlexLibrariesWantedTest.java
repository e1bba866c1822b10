package dev.berth.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which libraries Plex gets: the chosen *arr apps' kinds, or with none its own {@code setup.defaultLibraries}. */
class PlexLibrariesWantedTest {
    private static Map<String, String> wanted(List<String> services) {
        Answers answers = Examples.answers("minimal-jellyfin").withServices(services);
        StackPlan plan = Examples.repeatablePlanner().plan(answers, Map.of());
        Map<String, String> out = new java.util.LinkedHashMap<>();
        PlexSetup.wanted(plan, plan.service("plex").orElseThrow()).forEach((folder, library) -> out.put(folder, library.name()));
        for (String folder : out.keySet()) {
            assertTrue(plan.dataDirectories().contains(folder.substring("/data/".length())),
                    folder + " is a folder the deploy makes: " + plan.dataDirectories());
        }
        return out;
    }

    @Test
    void plexAloneGetsItsDefaultMoviesAndShows() {
        assertEquals(Map.of("/data/media/movies", "Movies", "/data/media/tv", "Shows"), wanted(List.of("plex")));
    }

    @Test
    void withAnArrAppOnlyItsKindIsALibrary() {
        assertEquals(Map.of("/data/media/tv", "Shows"), wanted(List.of("plex", "sonarr", "qbittorrent")));
        assertEquals(List.of("/data/media/music", "/data/media/tv"),
                List.copyOf(wanted(List.of("plex", "lidarr", "sonarr", "qbittorrent")).keySet()), "in the order chosen");
    }
}

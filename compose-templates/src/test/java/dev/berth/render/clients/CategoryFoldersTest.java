package dev.berth.render.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.plan.MediaKinds;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The download clients' rendered settings file every download into a folder of the data tree the
 * deploy makes, and the tree has no category folder no client files into: the same kinds on both sides.
 */
class CategoryFoldersTest {
    /**
     * A category's folder inside the clients' containers: /data/torrents/tv, /data/usenet/complete/tv.
     * Not Transmission's /data/torrents/incomplete: its own working folder, which it makes itself.
     */
    private static final Pattern CATEGORY_FOLDER = Pattern.compile("/data/(torrents/(?!incomplete\\b)[a-z0-9-]+|usenet/complete/[a-z0-9-]+)");

    private static Set<String> renderedCategoryFolders(StackPlan plan) {
        Set<String> out = new TreeSet<>();
        for (SettingsFile file : ClientSettings.of(plan)) {
            Matcher m = CATEGORY_FOLDER.matcher(file.merge(Optional.empty()).content());
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static Set<String> treeCategoryFolders(StackPlan plan) {
        Set<String> out = new TreeSet<>();
        plan.dataDirectories().stream().filter(d -> d.matches("torrents/[^/]+|usenet/complete/[^/]+")).forEach(out::add);
        return out;
    }

    private static StackPlan plan(List<String> services) {
        Answers minimal = Examples.answers("minimal-jellyfin");
        return Examples.repeatablePlanner().plan(minimal.withServices(services), Map.of());
    }

    @Test
    void jellyfinSonarrRadarrFileIntoTvAndMoviesOnly() {
        StackPlan plan = plan(List.of("jellyfin", "sonarr", "radarr", "qbittorrent", "sabnzbd"));
        assertEquals(Set.of("torrents/movies", "torrents/tv", "usenet/complete/movies", "usenet/complete/tv"), renderedCategoryFolders(plan));
        assertEquals(renderedCategoryFolders(plan), treeCategoryFolders(plan));
    }

    @Test
    void withLidarrMusicOnBothSides() {
        StackPlan plan = plan(List.of("jellyfin", "sonarr", "radarr", "lidarr", "qbittorrent", "sabnzbd"));
        assertEquals(Set.of("torrents/movies", "torrents/music", "torrents/tv", "usenet/complete/movies", "usenet/complete/music",
                "usenet/complete/tv"), renderedCategoryFolders(plan));
        assertEquals(renderedCategoryFolders(plan), treeCategoryFolders(plan));
    }

    /**
     * Transmission has no categories of its own (the *arr apps ask for a sub-folder per download),
     * so in every example: each folder a client's file names is in the tree, and each category
     * folder of the tree is a kind a chosen *arr app files.
     */
    @Test
    void everyExampleAgrees() {
        for (String name : Examples.names()) {
            StackPlan plan = Examples.plan(name);
            assertTrue(treeCategoryFolders(plan).containsAll(renderedCategoryFolders(plan)), name);
            List<String> filed = MediaKinds.filed(plan.services().stream().map(PlannedService::definition).toList());
            for (String folder : treeCategoryFolders(plan)) {
                assertTrue(filed.contains(folder.substring(folder.lastIndexOf('/') + 1)), name + ": " + folder + " but " + filed);
            }
        }
    }
}

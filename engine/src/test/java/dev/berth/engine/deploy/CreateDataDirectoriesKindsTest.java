package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deploy makes, on this computer, exactly the data tree the plan lists (what the Storage page
 * previewed): a folder per kind of media the chosen apps keep, no other. A re-run never removes a
 * folder an earlier stack used: it only stops making ones nobody uses.
 */
class CreateDataDirectoriesKindsTest {
    @TempDir
    Path tmp;
    private final LocalTarget target = new LocalTarget();

    @AfterEach
    void close() {
        target.close();
    }

    private StackPlan plan(List<String> services) {
        Answers a = Examples.answers("minimal-jellyfin").withServices(services);
        StorageAnswers s = a.storage();
        return Examples.repeatablePlanner().plan(a.withStorage(new StorageAnswers(tmp.resolve("stack").toString(),
                tmp.resolve("data").toString(), tmp.resolve("stack/config").toString(), s.puid(), s.pgid(), s.timeZone(), false)), Map.of());
    }

    private void deployFolders(StackPlan plan) throws Exception {
        new CreateDataDirectoriesJob(plan, Optional.empty()).execute(new JobContext(target, Clock.systemUTC()));
    }

    /** Every folder under the data root, relative, sorted. */
    private List<String> onDisk() throws IOException {
        Path data = tmp.resolve("data");
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(Files::isDirectory).filter(p -> !p.equals(data)).map(p -> data.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void jellyfinSonarrRadarrGetTheirFoldersAndNoMusicOrBooks() throws Exception {
        StackPlan plan = plan(List.of("jellyfin", "sonarr", "radarr", "qbittorrent", "sabnzbd"));
        deployFolders(plan);
        assertEquals(plan.dataDirectories().stream().sorted().toList(), onDisk());
        assertEquals(List.of("media", "media/movies", "media/tv", "torrents", "torrents/movies", "torrents/tv", "usenet", "usenet/complete",
                "usenet/complete/movies", "usenet/complete/tv", "usenet/incomplete"), onDisk());
    }

    @Test
    void addingLidarrLaterAddsMusicEverywhereItIsUsed() throws Exception {
        deployFolders(plan(List.of("jellyfin", "sonarr", "radarr", "qbittorrent", "sabnzbd")));
        StackPlan withLidarr = plan(List.of("jellyfin", "sonarr", "radarr", "lidarr", "qbittorrent", "sabnzbd"));
        deployFolders(withLidarr);
        assertEquals(withLidarr.dataDirectories().stream().sorted().toList(), onDisk());
        assertTrue(onDisk().containsAll(List.of("media/music", "torrents/music", "usenet/complete/music")), onDisk()::toString);
    }

    @Test
    void aReRunWithoutLidarrKeepsTheMusicAnEarlierStackFiled() throws Exception {
        deployFolders(plan(List.of("jellyfin", "sonarr", "lidarr", "qbittorrent")));
        Path album = Files.writeString(Files.createDirectories(tmp.resolve("data/media/music/Artist")).resolve("track.flac"), "music");

        StackPlan without = plan(List.of("jellyfin", "sonarr", "qbittorrent"));
        assertTrue(without.dataDirectories().stream().noneMatch(d -> d.endsWith("music")), without.dataDirectories()::toString);
        deployFolders(without);

        assertEquals("music", Files.readString(album), "the person's music is where it was");
        assertTrue(Files.isDirectory(tmp.resolve("data/torrents/music")), "an empty folder the earlier stack used stays too");
    }
}

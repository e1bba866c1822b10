package dev.berth.engine.update;

import static dev.berth.engine.update.UpdateFixtures.build;
import static dev.berth.engine.update.UpdateFixtures.created;
import static dev.berth.engine.update.UpdateFixtures.pushedDigest;
import static dev.berth.engine.update.UpdateFixtures.run;
import static dev.berth.engine.update.UpdateFixtures.sonarrAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Image;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UpdateFinder#registries()} against Debian's docker-registry on loopback, holding two stand-in versions. */
@NeedsDocker
class RegistryUpdateFinderTest {
    @TempDir
    static Path work;
    static LoopbackRegistry registry;
    static String repo;

    @BeforeAll
    static void pushTwoVersions() {
        RequiresDocker.engine();
        registry = new LoopbackRegistry(work, "");
        repo = registry.host() + "/linuxserver/sonarr";
        build(work, repo + ":4.0.15", "4.0.15");
        build(work, repo + ":4.0.16", "4.0.16");
        run(work, "docker", "tag", repo + ":4.0.15", repo + ":latest");
        for (String tag : List.of("4.0.15", "4.0.16", "latest")) {
            run(work, "docker", "push", "-q", repo + ":" + tag);
        }
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
            ExternalTool.run(work, List.of("docker", "rm", "-f", "berth-h4-latest"));
            for (String tag : List.of("4.0.15", "4.0.16", "latest")) {
                ExternalTool.run(work, List.of("docker", "image", "rm", repo + ":" + tag));
            }
        }
    }

    private static ImageStatus find(Image image) throws Exception {
        try (LocalTarget local = new LocalTarget()) {
            List<ImageStatus> statuses = UpdateFinder.registries().find(local, sonarrAt(image), () -> false);
            assertEquals(1, statuses.size(), statuses.toString());
            return statuses.getFirst();
        }
    }

    @Test
    void theNewerTagOnTheTrackComesWithItsDigestCreatedDateAndReleaseNotes() throws Exception {
        ImageStatus status = find(new Image(repo, "4.0.15"));

        assertEquals(Optional.empty(), status.unreachable());
        assertEquals(pushedDigest(work, repo + ":4.0.15"), status.digest(), "what runs: the local image's registry digest");
        assertEquals(Instant.parse(created(work, repo + ":4.0.15")), status.created());
        ImageUpdate update = status.update().orElseThrow(() -> new AssertionError("no update found: " + status));
        assertEquals("4.0.16", update.tag());
        assertEquals(pushedDigest(work, repo + ":4.0.16"), update.digest());
        assertEquals(Instant.parse(created(work, repo + ":4.0.16")), update.created());
        assertEquals("https://github.com/Sonarr/Sonarr/releases", update.releaseNotes());
    }

    @Test
    void nothingToUpdateWhenTheNewestRuns() throws Exception {
        ImageStatus status = find(new Image(repo, "4.0.16"));

        assertEquals(Optional.empty(), status.unreachable());
        assertEquals(Optional.empty(), status.update());
        assertEquals(pushedDigest(work, repo + ":4.0.16"), status.digest());
    }

    @Test
    void aMovedLatestIsAnUpdateOfTheRunningContainer() throws Exception {
        run(work, "docker", "run", "-d", "--name", "berth-h4-latest",
                "--label", ComposeLabels.PROJECT + "=" + UpdateFixtures.PROJECT, "--label", ComposeLabels.SERVICE + "=sonarr",
                repo + ":latest", "sleep", "100000");
        String running = pushedDigest(work, repo + ":latest");
        // latest moves on in the registry (and in the local tag) while the container still runs the old image.
        run(work, "docker", "tag", repo + ":4.0.16", repo + ":latest");
        run(work, "docker", "push", "-q", repo + ":latest");

        ImageStatus status = find(new Image(repo, "latest"));

        assertEquals(running, status.digest(), "the running container's image, not the local tag's");
        ImageUpdate update = status.update().orElseThrow(() -> new AssertionError("latest moved, no update: " + status));
        assertEquals("latest", update.tag());
        assertEquals(pushedDigest(work, repo + ":4.0.16"), update.digest());
    }

    @Test
    void anUnreachableRegistryIsASentenceNotAnException() throws Exception {
        int closed = LoopbackRegistry.freePort();
        ImageStatus status = find(new Image("127.0.0.1:" + closed + "/linuxserver/sonarr", "4.0.15"));

        assertEquals(Optional.empty(), status.update());
        String sentence = status.unreachable().orElseThrow(() -> new AssertionError("no sentence: " + status));
        assertTrue(sentence.startsWith("could not connect to 127.0.0.1:" + closed), sentence);
    }

    @Test
    void aRegistryWhoseNameHasNoAddressIsNamed() throws Exception {
        // .invalid never resolves (RFC 6761), online or not.
        ImageStatus status = find(new Image("registry.invalid/linuxserver/sonarr", "4.0.15"));

        String sentence = status.unreachable().orElseThrow(() -> new AssertionError("no sentence: " + status));
        assertEquals("could not find registry.invalid (no address for its name); is this machine online?", sentence);
    }

    @Test
    void aMultiPlatformIndexGivesItsOwnDigestAndTheRunningPlatformsDate() throws Exception {
        String multi = registry.host() + "/multi/sonarr";
        // Both stand-ins are linux/amd64; the index says the second is arm64, so the date tells which entry was read.
        build(work, multi + ":amd64-1.0.1", "amd64-1.0.1");
        build(work, multi + ":arm64-1.0.1", "arm64-1.0.1");
        build(work, multi + ":1.0.0", "1.0.0");
        for (String tag : List.of("amd64-1.0.1", "arm64-1.0.1", "1.0.0")) {
            run(work, "docker", "push", "-q", multi + ":" + tag);
        }
        try {
            run(work, "docker", "manifest", "create", "--insecure", multi + ":1.0.1", multi + ":arm64-1.0.1", multi + ":amd64-1.0.1");
            run(work, "docker", "manifest", "annotate", "--arch", "arm64", "--variant", "v8", multi + ":1.0.1", multi + ":arm64-1.0.1");
            String pushed = ExternalTool.run(work, List.of("docker", "manifest", "push", "--insecure", "--purge", multi + ":1.0.1"))
                    .output().strip();
            String indexDigest = pushed.substring(pushed.lastIndexOf("sha256:"));

            ImageStatus status = find(new Image(multi, "1.0.0"));

            ImageUpdate update = status.update().orElseThrow(() -> new AssertionError("no update: " + status));
            assertEquals("1.0.1", update.tag());
            assertEquals(indexDigest, update.digest(), "the index's digest, which Docker records and a pin names");
            assertEquals(Instant.parse(created(work, multi + ":amd64-1.0.1")), update.created(), "the running platform's entry");
        } finally {
            for (String tag : List.of("amd64-1.0.1", "arm64-1.0.1", "1.0.0")) {
                ExternalTool.run(work, List.of("docker", "image", "rm", multi + ":" + tag));
            }
        }
    }

    @Test
    void whetherATagMovedIsAskedWithAHeadOnly() throws Exception {
        // Docker Hub counts a manifest GET as a pull against its anonymous limit, a HEAD not.
        String quiet = registry.host() + "/headonly/sonarr";
        run(work, "docker", "tag", repo + ":4.0.16", quiet + ":2.0.0");
        run(work, "docker", "push", "-q", quiet + ":2.0.0");
        try {
            ImageStatus status = find(new Image(quiet, "2.0.0"));

            assertEquals(Optional.empty(), status.update());
            String manifest = "/v2/headonly/sonarr/manifests/2.0.0 HTTP/1.1\"";
            Await.until("docker-registry's access log showing Berth's HEAD of " + manifest, () -> registry.log().lines()
                    .anyMatch(l -> l.contains("\"HEAD " + manifest)));
            assertEquals(List.of(), registry.log().lines().filter(l -> l.contains("\"GET " + manifest)).toList());
        } finally {
            ExternalTool.run(work, List.of("docker", "image", "rm", quiet + ":2.0.0"));
        }
    }
}

package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckHardlinkTest {
    @TempDir
    Path tmp;

    /** full-wireguard has torrents and usenet, so both are linked into media. */
    private StackPlan planWithDataRoot(Path data) {
        return CheckFixtures.withStorage(CheckFixtures.plan("full-wireguard", a -> a),
                s -> CheckFixtures.storage(s, tmp.resolve("stack"), data, tmp.resolve("config"), 1000, 1000));
    }

    private static CheckResult check(StackPlan plan) throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            return new HardlinkCheck().run(CheckFixtures.local(t, plan));
        }
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void oneFilesystemPassesAndLeavesNothingBehind() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data/torrents/tv"));
        data = data.getParent().getParent();
        Files.writeString(data.resolve("torrents/tv/episode.mkv"), "x");
        List<String> before = tree(data);
        CheckResult r = check(planWithDataRoot(data));
        assertEquals(Status.PASS, r.status(), r.toString());
        assertTrue(r.summary().startsWith("Downloads and media are on one filesystem ("), r.summary());
        assertTrue(r.summary().endsWith("): hardlinks work"), r.summary());
        assertEquals(before, tree(data), "the test files and the folders it made are gone; what was there stays");
    }

    @Test
    void mediaOnAnotherFilesystemFailsAndSaysWhy() throws Exception {
        CheckFixtures.requireRoot();
        ExternalTool.require("mount", "apt-get install mount");
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path media = Files.createDirectories(data.resolve("media"));
        ExternalTool.Result mount = ExternalTool.run(tmp, List.of("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", media.toString()));
        assertEquals(0, mount.exitCode(), mount.output());
        try {
            CheckResult r = check(planWithDataRoot(data));
            assertEquals(Status.FAIL, r.status(), r.toString());
            assertEquals("Downloads and media are on different filesystems: hardlinks between them fail", r.summary());
            assertTrue(r.details().startsWith("Linking " + data.resolve("torrents") + " to " + media + " failed ("), r.details());
            assertTrue(r.details().contains("Invalid cross-device link"), r.details());
            assertTrue(r.details().contains(", media on tmpfs. Sonarr and Radarr would copy every download into the library"),
                    r.details());
            assertEquals("Keep torrents, usenet and media on one filesystem: mount one disk at the data root and do not "
                    + "mount media or the download folders separately", r.fix());
            assertEquals(List.of("", "media"), tree(data), "torrents/ was made for the test and removed again");
            try (Stream<Path> s = Files.list(media)) {
                assertEquals(0, s.count(), "no link left in media/");
            }
        } finally {
            ExternalTool.run(tmp, List.of("umount", media.toString()));
        }
    }

    @Test
    void aDataRootThatDoesNotExistYetIsTestedAtItsNearestParent() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("disk"));
        Path data = parent.resolve("media-server/data");
        CheckResult r = check(planWithDataRoot(data));
        assertEquals(Status.PASS, r.status(), r.toString());
        assertTrue(r.summary().startsWith("Hardlinks work at " + parent + " ("), r.summary());
        assertTrue(r.summary().endsWith("), where the data root will be created"), r.summary());
        assertTrue(r.details().startsWith("The data root " + data + " does not exist yet, so Berth tested at " + parent), r.details());
        assertFalse(Files.exists(parent.resolve("media-server")), "nothing is created outside the data root");
        assertEquals(List.of(""), tree(parent), "no test files left behind");
    }

    @Test
    void downloadFoldersFollowThePlan() {
        assertEquals(List.of("torrents", "usenet"), HardlinkCheck.downloadDirs(List.of("torrents", "torrents/tv", "usenet", "media")));
        assertEquals(List.of("torrents"), HardlinkCheck.downloadDirs(List.of("media")));
    }
}

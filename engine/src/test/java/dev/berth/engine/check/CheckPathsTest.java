package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckPathsTest {
    @TempDir
    Path tmp;

    private StackPlan plan(Path stack, Path data, Path config, int puid) {
        return CheckFixtures.withStorage(CheckFixtures.plan("minimal-jellyfin", a -> a),
                s -> CheckFixtures.storage(s, stack, data, config, puid, puid));
    }

    private static CheckResult check(StackPlan plan) throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            return new PathsCheck().run(CheckFixtures.local(t, plan));
        }
    }

    @Test
    void foldersThatExistOrCanBeCreatedPass() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        long uid = new com.sun.security.auth.module.UnixSystem().getUid();
        int me = uid == 0 ? 1000 : (int) uid; // as root, a plain user's folders; otherwise this user's own
        Files.setAttribute(data, "unix:uid", me);
        Files.setAttribute(tmp, "unix:uid", me);
        CheckResult r = check(plan(tmp.resolve("stack"), data, tmp.resolve("stack/config"), me));
        assertEquals(Status.PASS, r.status(), r.toString());
        assertEquals("The folders can be used by " + me + ":" + me, r.summary());
        assertTrue(r.details().contains("PASS: The data root " + data + " exists and is writable by " + me + ":" + me), r.details());
        String creatable = uid == 0 ? " will be created in " + tmp + " and given to " + me + ":" + me : " can be created in " + tmp;
        assertTrue(r.details().contains("PASS: The stack folder " + tmp.resolve("stack") + creatable), r.details());
    }

    @Test
    void aFolderOwnedBySomeoneElseFails() throws Exception {
        CheckFixtures.requireRoot();
        Path data = theirs();
        CheckResult r = check(plan(tmp.resolve("stack"), data, data.resolve("config"), 1000));
        assertEquals(Status.FAIL, r.status(), r.toString());
        assertEquals("The data root " + data + " is not writable by 1000:1000 (owner 12345:12345, mode 0755)", r.summary());
        assertEquals("sudo chown -R 1000:1000 " + data, r.fix());
        assertTrue(r.details().contains("PASS: The config root " + data.resolve("config") + " will be created in " + data
                + " and given to 1000:1000"), "as root, Berth makes missing folders itself: " + r.details());
    }

    @Test
    void aFolderThatCannotBeCreatedByAPlainUserFails() throws Exception {
        CheckFixtures.requireRoot();
        Path data = theirs();
        TargetFacts plainUser = CheckFixtures.facts("amd64", 8L << 30, 2000, "someone", "UTC", null, null);
        try (LocalTarget t = new LocalTarget()) {
            CheckResult r = new PathsCheck().run(new CheckContext(t, plan(data.resolve("stack"), tmp, tmp, 1000), plainUser));
            assertEquals(Status.FAIL, r.status(), r.toString());
            assertEquals("The stack folder " + data.resolve("stack") + " cannot be created: " + data
                    + " is not writable by 1000:1000 (owner 12345:12345, mode 0755)", r.summary());
            assertEquals("sudo mkdir -p " + data.resolve("stack") + " && sudo chown -R 1000:1000 " + data.resolve("stack"), r.fix());
        }
    }

    /** A folder of uid 12345, mode 0755, in a temporary folder that uid 1000 owns. */
    private Path theirs() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("theirs"));
        Files.setAttribute(data, "unix:uid", 12345);
        Files.setAttribute(data, "unix:gid", 12345);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(tmp, "unix:uid", 1000);
        Files.setAttribute(tmp, "unix:gid", 1000);
        return data;
    }

    @Test
    void systemFoldersAndSnapHomesAreRefused() throws Exception {
        CheckResult r = check(plan(Path.of("/"), Path.of("/var/lib/docker/volumes/media"), Path.of("/home/ann/snap/docker/common"), 1000));
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.details().contains("FAIL: The stack folder / is the root of the file system: containers would see and own everything"),
                r.details());
        assertTrue(r.details().contains("FAIL: The data root /var/lib/docker/volumes/media is inside /var/lib/docker, which belongs "
                + "to the system (Docker's own storage: Docker may delete it)"), r.details());
        assertTrue(r.details().contains("FAIL: The config root /home/ann/snap/docker/common is inside a snap's private home (~/snap): "
                + "it belongs to one snap revision and is removed with it"), r.details());
        assertEquals("Choose a folder such as /srv/data or /opt/berth", r.fix());
    }

    @Test
    void placementRules() {
        assertEquals("is inside /etc, which belongs to the system and is replaced by updates", PathsCheck.placement("/etc/berth"));
        assertNull(PathsCheck.placement("/etcetera"), "a prefix of the name is not the folder");
        assertNull(PathsCheck.placement("/srv/data"));
        assertNull(PathsCheck.placement("/home/ann/snapshots"));
        assertEquals("/a/c", TargetPaths.normalize("/a/./b/../c//"));
    }

    @Test
    void modeBitsDecideForOtherUsers() {
        FileStat dir = new FileStat("/d", true, false, 0, 0775, 1000, 100);
        assertTrue(TargetPaths.writableBy(dir, 1000, 1000), "owner");
        assertTrue(TargetPaths.writableBy(dir, 1001, 100), "group");
        assertTrue(!TargetPaths.writableBy(dir, 1001, 1001), "others may not write at 0775");
        assertTrue(TargetPaths.writableBy(new FileStat("/d", true, false, 0, 0777, 1, 1), 1001, 1001));
        assertTrue(!TargetPaths.writableBy(new FileStat("/d", true, false, 0, 0666, 1, 1), 1001, 1001), "no x: cannot enter");
        assertTrue(TargetPaths.writableBy(new FileStat("/d", true, false, 0, 0, 1, 1), 0, 0), "root");
    }
}

package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.target.TargetException.Reason;
import dev.berth.testsupport.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files over SFTP against the real server: the same contract as LocalFiles, and the same words for failures. */
class SshFilesTest extends SshdTestBase {
    SshTarget target;
    RemoteFiles files;
    Path dir;


    @BeforeEach
    void connect() throws Exception {
        target = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
        files = target.files();
        dir = sshd.scratch();
    }

    @AfterEach
    void disconnect() {
        target.close();
    }

    private static int id(String flag, String name) throws Exception {
        return Integer.parseInt(MachineSetup.run(List.of("id", flag, name)).trim());
    }

    @Test
    void writesAtomicallyWithTheModeReadsBackAndStats() throws Exception {
        String path = dir.resolve("secret.env").toString();
        files.writeAtomic(path, "one".getBytes(), 0600);
        files.writeAtomic(path, "two!".getBytes(), 0640);
        assertArrayEquals("two!".getBytes(), files.read(path));
        FileStat st = files.stat(path).orElseThrow();
        assertEquals(new FileStat(path, false, true, 4, 0640, id("-u", TestSshd.USER), id("-g", TestSshd.USER)), st);
        try (var list = Files.list(dir)) {
            assertEquals(List.of("secret.env"), list.map(p -> p.getFileName().toString()).toList(), "no temp file left");
        }
        assertFalse(files.stat(dir.resolve("nope").toString()).isPresent());
        assertTrue(files.stat(dir.toString()).orElseThrow().directory());
    }

    /** A file a container bind-mounted (a Compose secret) keeps its inode, so the container sees the new content. */
    @Test
    void overwritesAFileInPlaceAndNeverMakesOne() throws Exception {
        String path = dir.resolve("jellyfin_api_key").toString();
        files.writeAtomic(path, new byte[0], 0600);
        Object inode = Files.getAttribute(Path.of(path), "unix:ino");
        files.overwrite(path, "0123456789abcdef".getBytes());
        assertArrayEquals("0123456789abcdef".getBytes(), files.read(path));
        assertEquals(inode, Files.getAttribute(Path.of(path), "unix:ino"));
        assertEquals(0600, files.stat(path).orElseThrow().mode());
        assertThrows(TargetException.class, () -> files.overwrite(dir.resolve("absent").toString(), new byte[1]));
        assertFalse(files.stat(dir.resolve("absent").toString()).isPresent());
    }

    @Test
    void makesFoldersWithTheirParents() throws Exception {
        String deep = dir.resolve("a/b/c").toString();
        files.mkdirs(deep);
        files.mkdirs(deep); // again: nothing to do
        assertTrue(Files.isDirectory(Path.of(deep)));
        files.writeAtomic(dir.resolve("a/file").toString(), new byte[0], 0644);
        TargetException e = assertThrows(TargetException.class, () -> files.mkdirs(dir.resolve("a/file/x").toString()));
        assertEquals(Reason.FILE, e.reason());
        assertEquals("Cannot create the folder " + dir.resolve("a/file/x") + " on " + target.description() + ": "
                + dir.resolve("a/file") + " is a file, not a folder.", e.getMessage());
    }

    @Test
    void changesTheGroupAndRefusesWhatTheUserMayNot() throws Exception {
        String path = dir.resolve("owned").toString();
        files.writeAtomic(path, "x".getBytes(), 0644);
        int uid = id("-u", TestSshd.USER);
        int docker = Integer.parseInt(MachineSetup.run(List.of("getent", "group", "docker")).split(":")[2]);
        files.chown(path, uid, docker); // a member may give a file to its own group
        assertEquals(docker, files.stat(path).orElseThrow().gid());

        TargetException e = assertThrows(TargetException.class, () -> files.chown(path, 0, 0));
        assertEquals("Cannot change the owner of " + path + " on " + target.description()
                + ": permission denied. Choose a folder your user may write to, or fix its owner.", e.getMessage());
        TargetException w = assertThrows(TargetException.class, () -> files.writeAtomic("/etc/berth-test", new byte[1], 0644));
        assertEquals("Cannot write /etc/berth-test on " + target.description()
                + ": permission denied. Choose a folder your user may write to, or fix its owner.", w.getMessage());
        TargetException r = assertThrows(TargetException.class, () -> files.read(dir.resolve("missing").toString()));
        assertEquals("Cannot read " + dir.resolve("missing") + " on " + target.description() + ": it does not exist.", r.getMessage());
        TargetException m = assertThrows(TargetException.class, () -> files.writeAtomic(dir.resolve("no/such/f").toString(), new byte[1], 0644));
        assertEquals("Cannot write " + dir.resolve("no/such/f") + " on " + target.description() + ": its folder does not exist.",
                m.getMessage());
    }

    @Test
    void neverDeletesAFolder() throws Exception {
        files.mkdirs(dir.resolve("keep/inner").toString());
        TargetException e = assertThrows(TargetException.class, () -> files.deleteFile(dir.resolve("keep").toString()));
        assertEquals(dir.resolve("keep") + " is a folder; Berth never deletes folders", e.getMessage());
        String file = dir.resolve("gone").toString();
        files.writeAtomic(file, "x".getBytes(), 0644);
        files.deleteFile(file);
        files.deleteFile(file); // absent: nothing to do
        assertFalse(Files.exists(Path.of(file)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aWriteCutOffMidwayLeavesTheOldFile(boolean closedHere) throws Exception {
        String path = dir.resolve("compose.yaml").toString();
        files.writeAtomic(path, "old".getBytes(), 0644);
        byte[] big = new byte[128 * 1024 * 1024];
        Arrays.fill(big, (byte) 'n');
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                files.writeAtomic(path, big, 0644);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        waitForTempFile(dir, 64 * 1024);
        if (closedHere) {
            target.close(); // Berth closes the session from another thread
        } else {
            sshd.dropConnections(); // the server side goes away, as when the network drops
        }
        writer.join(30_000);
        assertFalse(writer.isAlive());
        assertTrue(failure.get() instanceof TargetException, String.valueOf(failure.get()));
        TargetException e = (TargetException) failure.get();
        assertEquals(Reason.CONNECTION_LOST, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("The connection to " + target.description() + " was lost"), e.getMessage());
        assertEquals("old", Files.readString(Path.of(path)), "the old file is intact");
        // The hidden temp file may stay behind (nobody is left to remove it); it is never read.
    }

    private static void waitForTempFile(Path dir, long atLeast) {
        // Polled often: a fast machine may finish the write soon after it starts.
        Await.untilEvery(java.time.Duration.ofMillis(5), "the write to start (a .berth-tmp file of " + atLeast + " bytes or more in " + dir + ")", () -> {
            try (var list = Files.list(dir)) {
                return list.anyMatch(p -> p.getFileName().toString().endsWith(".berth-tmp") && p.toFile().length() >= atLeast);
            }
        });
    }

    @Test
    void aFullDiskSaysSo() throws Exception {
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k,mode=0755", "berth-test", small.toString())
                .redirectErrorStream(true).start();
        String why = new String(mount.getInputStream().readAllBytes()).trim();
        if (mount.waitFor() != 0) {
            TestSshd.skip("cannot mount a small tmpfs to fill up (" + why + "); the machine must allow mount (CAP_SYS_ADMIN)");
        }
        try {
            MachineSetup.run(List.of("chown", TestSshd.USER, small.toString()));
            String path = small.resolve("big").toString();
            TargetException e = assertThrows(TargetException.class, () -> files.writeAtomic(path, new byte[1024 * 1024], 0644));
            assertEquals(Reason.FILE, e.reason());
            assertEquals("Cannot write " + path + " on " + target.description() + ": the server reported a failure (Failure)."
                    + " The usual causes are a full disk or a read-only filesystem: check with df -h " + small, e.getMessage());
            try (var list = Files.list(small)) {
                assertEquals(0, list.count(), "the partial temp file was removed");
            }
        } finally {
            MachineSetup.run(List.of("umount", small.toString()));
        }
    }
}

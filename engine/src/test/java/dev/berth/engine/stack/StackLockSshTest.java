package dev.berth.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.SshdTestBase;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.Target;
import dev.berth.engine.TestSshd;
import dev.berth.testsupport.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stack lock over a real sshd: held by a flock process on the server that ends with its connection. */
class StackLockSshTest extends SshdTestBase {
    private static final LockHolder HOLDER = LockHolder.thisProcess(Instant.parse("2026-12-04T23:59:01Z"));

    @Test
    void aLockTakenOverSshKeepsOutOtherDeploysAndIsFreedWhenItsConnectionDies() throws Exception {
        String dir = sshd.scratch().resolve("stack").toString();
        LocalTarget local = new LocalTarget();
        try (SshTarget first = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
             SshTarget second = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            StackLock held = StackLock.acquire(first, dir, HOLDER);
            StackBusyException overSsh = assertThrows(StackBusyException.class, () -> StackLock.acquire(second, dir, HOLDER));
            assertTrue(overSsh.getMessage().contains("has been deploying this stack since 2026-12-04 23:59:01 UTC (" + dir + " on "),
                    overSsh.getMessage());
            // A deploy on the server itself sees the same kernel lock.
            StackBusyException here = assertThrows(StackBusyException.class, () -> StackLock.acquire(local, dir, HOLDER));
            assertEquals(HOLDER, here.holder().orElseThrow());
            assertTrue(first.connected());

            sshd.dropConnections(); // the holder's connection is cut without a word: its Berth is gone
            try (StackLock next = awaitLock(local, dir)) {
                assertEquals(dir, next.stackDir());
            }
            held.close(); // nothing left to free: must not fail
        }
    }

    private static StackLock awaitLock(Target target, String dir) {
        // A busy lock throws StackBusyException; the last one is in the failure message.
        return Await.until("the lock of a dropped connection to be freed", () -> StackLock.acquire(target, dir, HOLDER), lock -> true);
    }

    @Test
    void whenTheParentIsNotWritableTheLockGoesIntoTheStackFolderWhichStillCountsAsEmpty() throws Exception {
        // An admin made an empty stack folder for the user, in a folder the user may not write to.
        Path parent = Files.createDirectories(sshd.scratch().resolve("admins"));
        Path stack = Files.createDirectories(parent.resolve("stack"));
        assertEquals(0, new ProcessBuilder("chown", TestSshd.USER + ":" + TestSshd.USER, stack.toString()).inheritIO().start().waitFor());
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
             SshTarget other = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
             StackLock lock = StackLock.acquire(ssh, stack.toString(), HOLDER)) {
            assertTrue(Files.exists(stack.resolve(".berth-lock")), "inside, as the parent is root's");
            assertThrows(StackBusyException.class, () -> StackLock.acquire(other, stack.toString(), HOLDER));
            assertEquals(StackState.Kind.EMPTY, StackState.load(ssh, stack.toString(), List.of()).kind(),
                    "the lock does not make the admin's empty folder someone else's");
        }
    }
}

package dev.berth.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One deploy of a stack at a time on this computer, with the real kernel lock and real processes. */
class StackLockTest {
    private static final Instant SINCE = Instant.parse("2026-12-04T23:59:01Z");

    @TempDir
    Path tmp;

    private final LocalTarget local = new LocalTarget();

    @Test
    void aSecondDeployIsRefusedWithTheHolderNamedAndNothingInTheStackFolder() throws Exception {
        String dir = tmp.resolve("stack").toString();
        LockHolder me = LockHolder.thisProcess(SINCE);
        try (StackLock first = StackLock.acquire(local, dir, me)) {
            StackBusyException busy = assertThrows(StackBusyException.class, () -> StackLock.acquire(local, dir + "/", me));
            assertEquals(me, busy.holder().orElseThrow());
            assertTrue(busy.getMessage().startsWith(me.who() + " (pid " + ProcessHandle.current().pid() + ", Berth "),
                    busy.getMessage());
            assertTrue(busy.getMessage().contains("has been deploying this stack since 2026-12-04 23:59:01 UTC (" + dir
                    + " on this computer). Wait until it has finished"), busy.getMessage());
            assertFalse(Files.exists(Path.of(dir)), "the lock lives beside the stack folder, which a first install has yet to make");
            assertTrue(Files.exists(tmp.resolve(".stack.berth-lock")));
        }
        assertFalse(Files.exists(tmp.resolve(".stack.berth-lock.holder")), "released: nobody is named any more");
        try (StackLock again = StackLock.acquire(local, dir, me)) {
            assertEquals(dir, again.stackDir());
        }
    }

    @Test
    void aHolderKilledWithSigkillFreesTheLockForTheNextDeploy() throws Exception {
        String dir = tmp.resolve("stack").toString();
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldStackLock.class.getName(), dir)
                .redirectError(tmp.resolve("holder.err").toFile()).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (line == null || !line.startsWith("held")) {
                fail("the holder process did not take the lock: " + Files.readString(tmp.resolve("holder.err")));
            }
            StackBusyException busy = assertThrows(StackBusyException.class,
                    () -> StackLock.acquire(local, dir, LockHolder.thisProcess(SINCE)));
            assertEquals(holder.pid(), busy.holder().orElseThrow().pid(), busy.getMessage());
            assertTrue(busy.getMessage().contains("(pid " + holder.pid() + ", "), busy.getMessage());

            holder.destroyForcibly(); // SIGKILL: no clean-up code of the holder runs
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            try (StackLock next = awaitLock(dir)) {
                assertEquals(dir, next.stackDir());
                String holderFile = Files.readString(tmp.resolve(".stack.berth-lock.holder"));
                assertTrue(holderFile.contains("pid=" + ProcessHandle.current().pid()), "the new holder is named: " + holderFile);
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    /** The kernel frees the lock once the holder's flock process has seen its end: a moment after the kill. */
    private StackLock awaitLock(String dir) {
        // A busy lock throws StackBusyException; the last one is in the failure message.
        return Await.until("the lock of a killed holder to be freed", () -> StackLock.acquire(local, dir, LockHolder.thisProcess(SINCE)), lock -> true);
    }

    @Test
    void theLockFileLivesBesideTheStackFolder() {
        assertEquals("/opt/.berth.berth-lock", StackLock.lockPath("/opt/berth/"));
        assertEquals("/srv/media/.stack.berth-lock", StackLock.lockPath("/srv/media/stack"));
    }
}

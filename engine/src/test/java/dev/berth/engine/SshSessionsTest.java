package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.NeedsDocker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenSSH's limits with its default settings, as root and as a plain user: at most MaxSessions
 * (10) sessions per connection, and no signals for root's sessions (they run without privilege
 * separation). Berth must queue its channels below the limit and end remote commands without
 * signals.
 */
class SshSessionsTest extends SshdTestBase {
    private static final List<String> REFUSALS = List.of("no more sessions", "session signalling");
    private final List<List<String>> started = new ArrayList<>();

    @NeedsDocker
    @ParameterizedTest
    @ValueSource(strings = {TestSshd.USER, "root"})
    void moreOperationsAtOnceThanTheServerAllowsSessions(String user) throws Exception {
        RequiresDocker.engine();
        long mark = sshd.logMark();
        try (SshTarget ssh = SshTarget.connect(sshd.as(user), sshd.settings(tmp))) {
            DockerClient docker = ssh.docker();
            // A stream held open the whole time, as the health monitor does during a deploy.
            ResultCallback.Adapter<Event> held = docker.eventsCmd().exec(new ResultCallback.Adapter<>());
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                int n = i;
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        ExecResult r = ssh.exec(List.of("sh", "-c", "echo " + n), Duration.ofSeconds(60));
                        // Exit code and output only: the login shell's own start-up files may write to
                        // stderr (root's .bashrc here runs pyenv, which grumbles when many sessions start at once).
                        assertEquals(0, r.exitCode(), r::toString);
                        assertEquals(n + "\n", r.stdout(), r::toString);
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            for (int i = 0; i < 10; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        assertFalse(docker.versionCmd().exec().getVersion().isBlank());
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        assertTrue(ssh.files().stat("/etc/os-release").isPresent());
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            held.close();
            assertEquals(List.of(), errors);
        }
        assertEquals(List.of(), refusals(mark), "the server refused nothing");
    }

    @org.junit.jupiter.api.Test
    void aServerThatAllowsFewerSessionsTeachesItsLimit() throws Exception {
        sshd.restartWith(List.of("MaxSessions 3"));
        try (SshTarget ssh = SshTarget.connect(sshd.as(TestSshd.USER), sshd.settings(tmp))) {
            assertEquals(List.of(), burst(ssh, 12), "every command waited for a session instead of failing");
            long mark = sshd.logMark();
            assertEquals(List.of(), burst(ssh, 12));
            assertEquals(List.of(), refusals(mark), "once refused, Berth keeps to what the server allows");
        } finally {
            sshd.restartWith(List.of());
        }
    }

    /** {@code n} short commands at once; what went wrong. */
    private static List<Throwable> burst(SshTarget ssh, int n) throws InterruptedException {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    assertEquals(k + "\n", ssh.exec(List.of("sh", "-c", "sleep 0.2; echo " + k), Duration.ofSeconds(60)).stdout());
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return errors;
    }

    @ParameterizedTest
    @ValueSource(strings = {TestSshd.USER, "root"})
    void aCommandPastItsLimitIsGoneFromTheServer(String user) throws Exception {
        String marker = uniqueSleep(user);
        long mark = sshd.logMark();
        try (SshTarget ssh = SshTarget.connect(sshd.as(user), sshd.settings(tmp))) {
            ExecResult r = ssh.exec(List.of("sh", "-c", "sleep " + marker + "; echo done"), Duration.ofMillis(500));
            assertTrue(r.timedOut(), r.toString());
            awaitGone(marker, user);
            assertEquals(0, ssh.exec(List.of("true"), Duration.ofSeconds(10)).exitCode(), "the connection is still usable");
        }
        assertEquals(List.of(), refusals(mark), "stopped without a signal");
    }

    @ParameterizedTest
    @ValueSource(strings = {TestSshd.USER, "root"})
    void anInterruptedCommandIsGoneFromTheServer(String user) throws Exception {
        String marker = uniqueSleep(user);
        long mark = sshd.logMark();
        try (SshTarget ssh = SshTarget.connect(sshd.as(user), sshd.settings(tmp))) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread worker = Thread.ofVirtual().start(() -> {
                try {
                    ssh.exec(List.of("sh", "-c", "sleep " + marker + "; echo done"), Duration.ofMinutes(5));
                } catch (Throwable e) {
                    thrown.set(e);
                }
            });
            awaitRunning(marker, user);
            worker.interrupt(); // how a cancelled job stops the command it waits for
            assertTrue(worker.join(Duration.ofSeconds(30)), "exec returned after the interrupt");
            assertTrue(thrown.get() instanceof TargetException, String.valueOf(thrown.get()));
            assertTrue(thrown.get().getMessage().startsWith("Interrupted while running sh on " + ssh.description()),
                    thrown.get().getMessage());
            awaitGone(marker, user);
            assertEquals(0, ssh.exec(List.of("true"), Duration.ofSeconds(10)).exitCode(), "the connection is still usable");
        }
        assertEquals(List.of(), refusals(mark), "stopped without a signal");
    }

    @ParameterizedTest
    @ValueSource(strings = {TestSshd.USER, "root"})
    void aDroppedConnectionEndsTheCommandOnTheServer(String user) throws Exception {
        String marker = uniqueSleep(user);
        try (SshTarget ssh = SshTarget.connect(sshd.as(user), sshd.settings(tmp))) {
            Thread worker = Thread.ofVirtual().start(() -> {
                try {
                    ssh.exec(List.of("sh", "-c", "sleep " + marker + "; echo done"), Duration.ofMinutes(5));
                } catch (TargetException expected) {
                    // the connection is closed under it
                }
            });
            awaitRunning(marker, user);
            ssh.close(); // a cancel from another thread, or a lost network
            assertTrue(worker.join(Duration.ofSeconds(30)), "exec returned once the connection was closed");
        }
        awaitGone(marker, user);
    }

    /** A sleep nobody else runs, long enough to outlive the test, found by its command line. */
    private String uniqueSleep(String user) {
        String marker = "3000." + ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        started.add(List.of(marker, user));
        return marker;
    }

    @AfterEach
    void leaveNothingBehind() throws Exception {
        for (List<String> s : started) {
            killLeftovers(s.get(0), s.get(1));
        }
    }

    private List<String> refusals(long mark) throws Exception {
        return sshd.logSince(mark).stream().filter(l -> REFUSALS.stream().anyMatch(l::contains)).toList();
    }

    private static void awaitRunning(String marker, String user) {
        Await.until("the command to start on the server as " + user, () -> running(marker, user));
    }

    /** Polls until no process of {@code user} mentions the marker. */
    private static void awaitGone(String marker, String user) {
        Await.until("the command to end on the server as " + user, () -> !running(marker, user));
    }

    /** Leaves nothing behind when a test failed: kills, by process id, what still runs with the marker. */
    private static void killLeftovers(String marker, String user) throws Exception {
        Process p = new ProcessBuilder("pgrep", "-u", user, "-f", "sleep " + marker).start();
        for (String pid : new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        p.waitFor();
    }

    private static boolean running(String marker, String user) throws Exception {
        return new ProcessBuilder("pgrep", "-u", user, "-f", "sleep " + marker).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    }
}

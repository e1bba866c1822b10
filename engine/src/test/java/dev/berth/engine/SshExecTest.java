package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.target.TargetException.Reason;
import dev.berth.testsupport.Await;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Running programs over SSH: argv reaches them unchanged, output, exit codes, time limits, a dropped connection. */
class SshExecTest extends SshdTestBase {
    SshTarget target;


    @BeforeEach
    void connect() throws Exception {
        target = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
    }

    @AfterEach
    void disconnect() {
        target.close();
    }

    @Test
    void argumentsReachTheProgramUnchanged() throws TargetException {
        List<String> args = List.of("a b", "it's \"quoted\"", "$HOME", "; rm -rf ~", "`id`", "$(id)", "*", "back\\slash",
                "new\nline", "", "'", "!x", "%s");
        List<String> argv = new java.util.ArrayList<>(List.of("printf", "[%s]\\n"));
        argv.addAll(args);
        ExecResult r = target.exec(argv, Duration.ofSeconds(10));
        assertEquals(0, r.exitCode(), r.stderr());
        StringBuilder expected = new StringBuilder();
        args.forEach(a -> expected.append('[').append(a).append("]\n"));
        assertEquals(expected.toString(), r.stdout());
    }

    @Test
    void exitCodesAndErrorsComeBack() throws TargetException {
        ExecResult r = target.exec(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), Duration.ofSeconds(10));
        assertEquals(new ExecResult(3, "out\n", "err\n"), r);
        ExecResult killed = target.exec(List.of("sh", "-c", "kill -TERM $$"), Duration.ofSeconds(10));
        assertEquals(128 + 15, killed.exitCode(), "a program ended by a signal reads like it does in a shell");
        ExecResult missing = target.exec(List.of("no-such-program-berth"), Duration.ofSeconds(10));
        assertEquals(127, missing.exitCode());
        assertTrue(missing.stderr().contains("no-such-program-berth"), missing.stderr());
    }

    @Test
    void aProgramReadingInputSeesItsEnd() throws TargetException {
        ExecResult r = target.exec(List.of("cat"), Duration.ofSeconds(5));
        assertEquals(new ExecResult(0, "", ""), r);
    }

    @Test
    void aSlowProgramIsStoppedAtItsLimit() throws Exception {
        String marker = "berth-sleep-" + UUID.randomUUID();
        ExecResult r = target.exec(List.of("sh", "-c", "sleep 30; echo " + marker), Duration.ofMillis(500));
        assertTrue(r.timedOut());
        assertEquals("sh did not finish within 0.5 s on " + target.description(), r.stderr());
        // exec returns once the server closed the channel, i.e. once the program is gone. The
        // pattern's [-] keeps pgrep (and the shell that runs it) from matching its own command line.
        ExecResult ps = target.exec(List.of("pgrep", "-u", TestSshd.USER, "-f", marker.replaceFirst("-", "[-]")),
                Duration.ofSeconds(5));
        assertEquals(1, ps.exitCode(), "the program was killed on the server, not left running: " + ps.stdout());
        assertEquals(0, target.exec(List.of("true"), Duration.ofSeconds(5)).exitCode(), "the connection is still usable");
    }

    @Test
    void manyCommandsAtOnceShareTheConnection() throws Exception {
        // More than OpenSSH's 10 channels per connection: the extra ones wait for a free channel.
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    ExecResult r = target.exec(List.of("sh", "-c", "sleep 0.2; echo " + n), Duration.ofSeconds(30));
                    assertEquals(n + "\n", r.stdout());
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void aServerThatHangsIsNoticedByTheHeartbeat() throws Exception {
        // At LogLevel DEBUG1 sshd logs each heartbeat (a keepalive global request) it answers.
        sshd.restartWith(List.of("LogLevel DEBUG1"));
        try {
            long mark = sshd.logMark();
            try (SshTarget t = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp).withHeartbeat(Duration.ofMillis(200)))) {
                // More answered heartbeats than the three unanswered ones that end a connection.
                Await.until("the server to answer five heartbeats", () -> heartbeatsAnswered(mark), n -> n >= 5);
                assertTrue(t.connected(), "answered heartbeats keep the connection up");
                assertEquals(0, t.exec(List.of("true"), Duration.ofSeconds(5)).exitCode());
                sshd.freezeConnections(true);
                try {
                    Await.until("three unanswered heartbeats to end the connection", () -> !t.connected());
                    TargetException e = assertThrows(TargetException.class, () -> t.exec(List.of("true"), Duration.ofSeconds(5)));
                    assertEquals(Reason.CONNECTION_LOST, e.reason());
                    assertEquals("The connection to " + t.description() + " was lost. Check the network and connect again.",
                            e.getMessage());
                } finally {
                    sshd.freezeConnections(false);
                }
            }
        } finally {
            sshd.restartWith(List.of());
        }
    }

    private static long heartbeatsAnswered(long logMark) throws java.io.IOException {
        return sshd.logSince(logMark).stream().filter(l -> l.contains("rtype keepalive@")).count();
    }

    @Test
    void aDroppedConnectionSaysSo() throws Exception {
        assertEquals(0, target.exec(List.of("true"), Duration.ofSeconds(5)).exitCode());
        sshd.dropConnections();
        Await.until("the client to notice the dropped connection", () -> !target.connected());
        TargetException e = assertThrows(TargetException.class, () -> target.exec(List.of("true"), Duration.ofSeconds(5)));
        assertEquals(Reason.CONNECTION_LOST, e.reason());
        assertTrue(e.getMessage().startsWith("The connection to " + target.description() + " was lost"), e.getMessage());
        assertTrue(e.getMessage().endsWith(". Check the network and connect again."), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }
}

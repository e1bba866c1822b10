package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.engine.target.SshDestination;
import dev.berth.engine.target.SshSettings;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.target.TargetException.Reason;
import dev.berth.testsupport.Await;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures before SSH starts: nothing listening, a name that does not resolve, a silent server. */
class SshNetworkTest {
    @TempDir
    Path tmp;

    private SshSettings settings() {
        return SshSettings.defaults().withKnownHosts(tmp.resolve("known_hosts")).withConfigFile(tmp.resolve("none"))
                .withDefaultKeys(List.of()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    private SshDestination to(String host, int port) {
        return new SshDestination(host, port, "someone", null, null, null, q -> "pw");
    }

    @Test
    void nothingListening() throws Exception {
        int port = MachineSetup.freePort();
        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(to("127.0.0.1", port), settings()));
        assertEquals(Reason.REFUSED, e.reason());
        assertEquals("Nothing accepts connections on port " + port + " of 127.0.0.1. Is the SSH server running there"
                + " (sudo systemctl start ssh), and is the port right?", e.getMessage());
    }

    @Test
    void aNameThatDoesNotResolve() {
        TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(to("no-such-host.invalid", 22), settings()));
        assertEquals(Reason.UNREACHABLE, e.reason());
        assertEquals("The host name no-such-host.invalid does not resolve. Check the spelling, or use the server's IP"
                + " address.", e.getMessage());
    }

    @Test
    void aServerThatDropsConnections() throws Exception {
        // A listener whose accept queue is full: Linux then drops new connection attempts, as a firewall would.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = new Socket();
                    s.connect(full.getLocalSocketAddress(), 200);
                    fillers.add(s);
                }
            } catch (java.io.IOException queueFull) {
                // expected once the queue is full
            }
            // The kernel would keep retrying for minutes; a TIMEOUT naming the 2 s limit is the
            // connect limit at work (no clock is read: a busy machine must not fail this).
            TargetException e = assertThrows(TargetException.class, () -> SshTarget.connect(to("127.0.0.1", full.getLocalPort()),
                    settings()));
            assertEquals(Reason.TIMEOUT, e.reason(), e.getMessage());
            assertEquals("127.0.0.1:" + full.getLocalPort() + " did not answer within 2 s. Is the address right and the"
                    + " machine on? A firewall may be dropping the connection.", e.getMessage());
            for (Socket s : fillers) {
                s.close();
            }
        }
    }

    @Test
    void aServerThatNeverSpeaksSsh() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            CountDownLatch clientHungUp = new CountDownLatch(1);
            Thread accepter = Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().readAllBytes(); // accepts, reads, says nothing until the client gives up
                    clientHungUp.countDown();
                } catch (Exception ignored) {
                    // closed by the test
                }
            });
            TargetException e = assertThrows(TargetException.class,
                    () -> SshTarget.connect(to("127.0.0.1", silent.getLocalPort()), settings()));
            assertEquals(Reason.TIMEOUT, e.reason());
            assertEquals("someone@127.0.0.1:" + silent.getLocalPort() + " accepted the connection but did not complete"
                    + " the SSH login within 1 s. Is it really an SSH server on that port, and is it overloaded?", e.getMessage());
            // Giving up means hanging up: the server sees the connection end instead of an idle client left behind.
            Await.until("the client to close the connection it gave up on", () -> clientHungUp.getCount() == 0);
            accepter.interrupt();
        }
    }
}

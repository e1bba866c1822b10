package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.PortSpec.Protocol;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.NeedsDocker;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckPortsTest {
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    private static StackPlan jellyfinOn(int port) {
        return CheckFixtures.plan("minimal-jellyfin", a -> a.withPortOverrides(Map.of("jellyfin", port)));
    }

    private static CheckResult check(StackPlan plan) throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            return new PortsCheck().run(CheckFixtures.local(t, plan));
        }
    }

    @Test
    void aPortThisJvmHoldsOnLoopbackIsTakenByJavaAndTheNextFreeOneIsOffered() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            int port = held.getLocalPort();
            CheckResult r = check(jellyfinOn(port));
            assertEquals(Status.FAIL, r.status(), r.toString());
            assertEquals("Port " + port + "/tcp for Jellyfin web UI is taken by java (pid " + PID + ")", r.summary());
            int next = r.data(CheckData.PortSuggestions.class).orElseThrow().portOverrides().get("jellyfin");
            assertTrue(next > port);
            assertEquals("Use port " + next + " for Jellyfin web UI (Berth takes it: 'Use port' on the System check page, "
                    + "or berth check --fix-ports), or stop java", r.fix());
            assertEquals(List.of(new CheckData.PortSuggestions.Move("jellyfin", "Jellyfin web UI", port, next)),
                    r.data(CheckData.PortSuggestions.class).orElseThrow().moves());
            try (ServerSocket free = new ServerSocket(next)) {
                assertEquals(next, free.getLocalPort(), "the suggested port is really free");
            }
        }
    }

    @Test
    void aPortHeldOnAllAddressesIsTakenToo() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = held.getLocalPort();
            CheckResult r = check(jellyfinOn(port));
            assertEquals(Status.FAIL, r.status());
            assertEquals("Port " + port + "/tcp for Jellyfin web UI is taken by java (pid " + PID + ")", r.summary());
        }
    }

    @Test
    void aTakenUdpPortThePlannerCannotMoveIsNamedWithoutASuggestionForTheAnswers() throws Exception {
        StackPlan plan = CheckFixtures.plan("minimal-jellyfin", a -> a.withServices(List.of("qbittorrent")));
        int peers = plan.publishedPorts().stream().filter(p -> p.protocol() == Protocol.UDP).findFirst().orElseThrow().hostPort();
        try (DatagramSocket held = new DatagramSocket(peers)) {
            assertEquals(peers, held.getLocalPort());
            CheckResult r = check(plan);
            assertEquals(Status.FAIL, r.status());
            assertEquals("Port " + peers + "/udp for qBittorrent torrent peers is taken by java (pid " + PID + ")", r.summary());
            assertTrue(r.fix().startsWith("Free port " + peers + "/udp (next free: "), r.fix());
            assertTrue(r.data().isEmpty(), "only web UI ports can move through the answers");
        }
    }

    @Test
    void theSuggestionAvoidsAnotherChosenPortAndTakingItPasses() throws Exception {
        try (ServerSocket held = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            int port = held.getLocalPort();
            // Sonarr's chosen port is the one right above: the suggestion must step over it.
            StackPlan plan = CheckFixtures.plan("minimal-jellyfin", a -> a.withServices(List.of("jellyfin", "sonarr"))
                    .withPortOverrides(Map.of("jellyfin", port, "sonarr", port + 1)));
            CheckResult r = check(plan);
            assertEquals(Status.FAIL, r.status(), r.toString());
            CheckData.PortSuggestions suggestions = r.data(CheckData.PortSuggestions.class).orElseThrow();
            int next = suggestions.portOverrides().get("jellyfin");
            assertTrue(next > port + 1, "not Sonarr's port " + (port + 1) + ": " + next);
            Map<String, Integer> taken = suggestions.takenInto(plan.answers().portOverrides());
            assertEquals(Map.of("jellyfin", next, "sonarr", port + 1), taken);
            CheckResult again = check(CheckFixtures.plan("minimal-jellyfin", a -> a.withServices(List.of("jellyfin", "sonarr"))
                    .withPortOverrides(taken)));
            assertEquals(Status.PASS, again.status(), again.toString());
        }
    }

    @Test
    void freePortsPass() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        StackPlan plan = jellyfinOn(port);
        CheckResult r = check(plan);
        assertEquals(Status.PASS, r.status(), r.toString());
        assertEquals("All " + plan.publishedPorts().size() + " host ports are free", r.summary());
        assertTrue(r.details().contains("Listeners read with ss."), r.details());
    }

    @NeedsDocker
    @Test
    void portsOfTheStacksOwnContainersAreNoConflictButOtherContainersAreNamed() throws Exception {
        RequiresDocker.engine();
        int own;
        int other;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            own = a.getLocalPort();
            other = b.getLocalPort();
        }
        try (TestContainers containers = new TestContainers(tmp)) {
            String suffix = Long.toString(System.nanoTime(), 36);
            containers.start("berth-test-own-" + suffix, "media", own);
            String stranger = containers.start("berth-test-other-" + suffix, "someone-else", other);
            assertEquals(Status.PASS, check(jellyfinOn(own)).status(), "the stack's own Jellyfin holds its port on a re-run");
            CheckResult r = check(jellyfinOn(other));
            assertEquals(Status.FAIL, r.status());
            assertEquals("Port " + other + "/tcp for Jellyfin web UI is taken by the container " + stranger, r.summary());
        }
    }

    @Test
    void readsSsAndProcNet() {
        String ss = """
                tcp   LISTEN 0      4096      127.0.0.1:8096       0.0.0.0:*    users:(("jellyfin",pid=812,fd=290))
                tcp   LISTEN 0      128            [::]:22            [::]:*    users:(("sshd",pid=1,fd=4),("sshd",pid=2,fd=4))
                udp   UNCONN 0      0     0.0.0.0%lo:5353       0.0.0.0:*
                """;
        assertEquals(List.of(new ListeningSockets.Listener(Protocol.TCP, "127.0.0.1", 8096, "jellyfin (pid 812)"),
                new ListeningSockets.Listener(Protocol.TCP, "[::]", 22, "sshd (pid 1)"),
                new ListeningSockets.Listener(Protocol.UDP, "0.0.0.0%lo", 5353, null)), ListeningSockets.parseSs(ss));
        String tcp = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:1FA0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1
                   1: 0100007F:1FA1 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 2 1
                """;
        assertEquals(List.of(new ListeningSockets.Listener(Protocol.TCP, "0100007F", 8096, null)),
                ListeningSockets.parseProcNet(tcp, Protocol.TCP), "only LISTEN (0A) counts for TCP");
    }

    @Test
    void theNextFreePortSkipsHeldPlannedAndAlreadySuggestedOnes() {
        var held = Set.of(new PortsCheck.Key(Protocol.TCP, 8096), new PortsCheck.Key(Protocol.TCP, 8097));
        var wanted = Set.of(new PortsCheck.Key(Protocol.TCP, 8098));
        var suggested = Set.of(new PortsCheck.Key(Protocol.TCP, 8099));
        assertEquals(8100, PortsCheck.nextFree(new PortsCheck.Key(Protocol.TCP, 8096), held, wanted, suggested).port());
        assertEquals(8097, PortsCheck.nextFree(new PortsCheck.Key(Protocol.UDP, 8096), held, wanted, suggested).port(),
                "a TCP listener does not hold the UDP port");
    }
}

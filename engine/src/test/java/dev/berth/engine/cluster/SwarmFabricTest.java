package dev.berth.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.BusyboxImage;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.TargetException;
import dev.berth.render.ClusterSplit;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.testsupport.NeedsSsh;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The swarm fabric on two test hosts: joined, talking over the overlay, undone, refused. */
@NeedsDocker
@NeedsSsh
class SwarmFabricTest {
    private static final String PROJECT = "berthfabric";
    private static final String NETWORK = ClusterSplit.overlayNetwork(PROJECT);
    private static final String ANCHOR = SwarmFabric.anchorService(PROJECT);
    private static final BooleanSupplier NOT_CANCELLED = () -> false;
    private static NamespaceHosts hosts;

    @BeforeAll
    static void start() throws Exception {
        hosts = NamespaceHosts.start(2);
        hosts.loadImages(BusyboxImage.ensure(hosts.host(1).folder()), BusyboxImage.anchor(hosts.host(1).folder()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
    }

    /** Each test starts from hosts in no swarm and with no stack network; a failed one must not spoil the next. */
    @AfterEach
    void leaveNothing() {
        hosts.host(1).tryDocker("service", "rm", ANCHOR);
        for (NamespaceHost host : hosts.hosts()) {
            for (String service : List.of("web", "client")) {
                host.tryDocker("rm", "-f", PROJECT + "-" + service + "-1");
            }
            host.tryDocker("network", "rm", NETWORK);
            host.tryDocker("swarm", "leave", "--force");
        }
    }

    @Test
    void twoHostsJoinedReachEachOthersServicesByNameAndUndoLeavesThemAsBefore() throws Exception {
        SwarmFabric fabric = new SwarmFabric(hosts.clusterHosts());

        FabricChange change = fabric.join(PROJECT, true, NOT_CANCELLED);

        assertEquals(new FabricChange(true, List.of("h2"), List.of("h1", "h2"), true, true), change);
        assertEquals("active true", swarmOf(hosts.host(1)));
        assertEquals("active false", swarmOf(hosts.host(2)));
        assertEquals(List.of("h1 Ready", "h2 Ready"), labelledNodes());
        assertEquals("overlay true", hosts.host(1).docker("network", "inspect", "--format", "{{.Driver}} {{.Attachable}}", NETWORK));
        assertEquals(FabricChange.NOTHING, fabric.join(PROJECT, true, NOT_CANCELLED), "a second join changes nothing");

        compose(hosts.host(1), "web", "mkdir -p /www && echo hello from h1 > /www/index.html && exec httpd -f -p 8080 -h /www");
        compose(hosts.host(2), "client", "exec sleep 1000000");
        String page = Await.until("the client on h2 to fetch the page of web on h1 by its service name",
                () -> hosts.host(2).target().exec(composeCommand("exec", "-T", "client", "wget", "-q", "-O", "-", "http://web:8080/"),
                        Duration.ofSeconds(30)).stdout().trim(), "hello from h1"::equals);
        assertEquals("hello from h1", page);
        for (NamespaceHost host : hosts.hosts()) {
            exec(host, composeCommand("down"));
        }

        fabric.undo(change, PROJECT);

        for (NamespaceHost host : hosts.hosts()) {
            assertEquals("inactive false", swarmOf(host), host.name());
            assertEquals("", host.docker("ps", "-aq", "--filter", "label=com.docker.swarm.service.name=" + ANCHOR), host.name());
            assertFalse(host.docker("network", "ls", "--format", "{{.Name}}").lines().toList().contains(NETWORK), host.name());
        }
    }

    /** The worker knows the overlay through the anchor, for either Compose and after a down. */
    @Test
    void composeOnTheWorkerFindsTheOverlayThroughTheAnchorAfterADownToo() throws Exception {
        SwarmFabric fabric = new SwarmFabric(hosts.clusterHosts());
        FabricChange change = fabric.join(PROJECT, true, NOT_CANCELLED);
        assertTrue(change.anchorCreated());
        assertEquals("global", hosts.host(1).docker("service", "inspect", "--format",
                "{{if .Spec.Mode.Global}}global{{else}}replicated{{end}}", ANCHOR));

        for (List<String> compose : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            compose(hosts.host(2), compose, "web", "mkdir -p /www && echo hello from h2 > /www/index.html && exec httpd -f -p 8080 -h /www");
            assertEquals("hello from h2", fetchFromH1(), String.join(" ", compose));
            exec(hosts.host(2), composeCommand(compose, "down"));
            exec(hosts.host(2), composeCommand(compose, "up", "-d"));
            assertEquals("hello from h2", fetchFromH1(), String.join(" ", compose) + " after down and up");
            exec(hosts.host(2), composeCommand(compose, "down"));
        }
        assertEquals(FabricChange.NOTHING, fabric.join(PROJECT, true, NOT_CANCELLED), "a second join keeps the anchor it finds");

        fabric.undo(change, PROJECT);

        assertFalse(hosts.host(1).tryDocker("service", "inspect", ANCHOR).exitCode() == 0, "undo removed the anchor service");
    }

    @Test
    void anOfflineJoinOnAHostWithoutTheAnchorImageSaysToPullItAndChangesNothing() {
        hosts.host(2).docker("image", "rm", SwarmFabric.ANCHOR_IMAGE);
        try {
            SwarmFabric fabric = new SwarmFabric(hosts.clusterHosts());

            TargetException refused = assertThrows(TargetException.class, () -> fabric.join(PROJECT, true, NOT_CANCELLED));

            assertTrue(refused.getMessage().contains("Host h2 has no image " + SwarmFabric.ANCHOR_IMAGE), refused.getMessage());
            assertTrue(refused.getMessage().contains("Run docker pull " + SwarmFabric.ANCHOR_IMAGE + " on h2"), refused.getMessage());
            assertEquals("inactive false", swarmOf(hosts.host(1)), "nothing was changed");
        } finally {
            hosts.host(2).docker("tag", BusyboxImage.NAME, SwarmFabric.ANCHOR_IMAGE);
        }
    }

    private static String fetchFromH1() {
        return Await.until("a container on h1 to fetch the page of web on h2 by its service name",
                () -> hosts.host(1).tryDocker("run", "--rm", "--network", NETWORK, BusyboxImage.NAME, "wget", "-q", "-O", "-",
                        "http://web:8080/").output().trim(), "hello from h2"::equals);
    }

    @Test
    void oneHostMakesASingleNodeSwarmWhoseOverlayItsServicesUse() throws Exception {
        SwarmFabric fabric = new SwarmFabric(List.of(hosts.host(1).clusterHost()));

        FabricChange change = fabric.join(PROJECT, true, NOT_CANCELLED);

        assertEquals(new FabricChange(true, List.of(), List.of("h1"), true, true), change);
        compose(hosts.host(1), "web", "mkdir -p /www && echo alone on h1 > /www/index.html && exec httpd -f -p 8080 -h /www");
        assertEquals("alone on h1", Await.until("web to answer on the overlay by its service name",
                () -> hosts.host(1).docker("run", "--rm", "--network", NETWORK, BusyboxImage.NAME, "wget", "-q", "-O", "-", "http://web:8080/"),
                "alone on h1"::equals));
        exec(hosts.host(1), composeCommand("down"));

        fabric.undo(change, PROJECT);

        assertEquals("inactive false", swarmOf(hosts.host(1)));
    }

    @Test
    void aHostInAnotherSwarmIsRefusedAndNothingIsChanged() {
        hosts.host(2).docker("swarm", "init", "--advertise-addr", hosts.host(2).address());
        SwarmFabric fabric = new SwarmFabric(hosts.clusterHosts());

        TargetException refused = assertThrows(TargetException.class, () -> fabric.join(PROJECT, true, NOT_CANCELLED));

        assertTrue(refused.getMessage().contains("Host h2 is already in another swarm"), refused.getMessage());
        assertTrue(refused.getMessage().contains("docker swarm leave on h2 (with --force: it is a manager there), or remove it from hosts:"),
                refused.getMessage());
        assertEquals("inactive false", swarmOf(hosts.host(1)), "h1 was left as it was");
        assertEquals("active true", swarmOf(hosts.host(2)), "h2 was left as it was");
    }

    @Test
    void aNetworkOfTheNameThatIsNoOverlayIsRefused() {
        hosts.host(2).docker("network", "create", "--driver", "bridge", NETWORK);
        SwarmFabric fabric = new SwarmFabric(hosts.clusterHosts());

        TargetException refused = assertThrows(TargetException.class, () -> fabric.join(PROJECT, true, NOT_CANCELLED));

        assertTrue(refused.getMessage().contains("Host h2 has a network named " + NETWORK + " that is not an overlay network"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("docker network rm " + NETWORK), refused.getMessage());
        assertEquals("inactive false", swarmOf(hosts.host(1)), "nothing was changed");
    }

    @Test
    void aHostThatCannotReachTheManagerTakesBackTheSwarmMadeForIt() throws Exception {
        List<String> blockSwarmPort = List.of("nsenter", "--net=/run/netns/" + hosts.host(1).namespace(), "iptables", "%s", "INPUT",
                "-p", "tcp", "--dport", "2377", "-j", "DROP");
        NamespaceHosts.run(blockSwarmPort.stream().map(a -> a.formatted("-I")).toArray(String[]::new));
        try {
            SwarmFabric fabric = new SwarmFabric(hosts.clusterHosts());

            TargetException failed = assertThrows(TargetException.class, () -> fabric.join(PROJECT, true, NOT_CANCELLED));

            assertTrue(failed.getMessage().startsWith("Host h2 (10.77.0.12) could not join the swarm of h1 at 10.77.0.11:2377: "),
                    failed.getMessage());
            assertTrue(failed.getMessage().contains("The hosts must reach each other on 2377/tcp, 7946/tcp and udp, and 4789/udp"),
                    failed.getMessage());
            assertEquals("inactive false", swarmOf(hosts.host(1)), "the swarm made for the join is gone");
            assertEquals("inactive false", swarmOf(hosts.host(2)), "h2 stopped trying to join");
        } finally {
            NamespaceHosts.run(blockSwarmPort.stream().map(a -> a.formatted("-D")).toArray(String[]::new));
        }
    }

    @Test
    void aSwarmThePersonMadeIsKeptByUndo() throws Exception {
        hosts.host(1).docker("swarm", "init", "--advertise-addr", hosts.host(1).address());
        SwarmFabric fabric = new SwarmFabric(hosts.clusterHosts());

        FabricChange change = fabric.join(PROJECT, true, NOT_CANCELLED);
        assertEquals(new FabricChange(false, List.of("h2"), List.of("h1", "h2"), true, true), change);
        fabric.undo(change, PROJECT);

        assertEquals("active true", swarmOf(hosts.host(1)), "the person's swarm stays");
        assertEquals("1", hosts.host(1).docker("node", "ls", "-q").lines().count() + "", "h2's node is gone from it");
        assertEquals("", hosts.host(1).docker("node", "inspect", "--format", "{{index .Spec.Labels \"berth.host\"}}", "self"));
        assertEquals("inactive false", swarmOf(hosts.host(2)));
    }

    private static String swarmOf(NamespaceHost host) {
        return host.docker("info", "--format", "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}");
    }

    private static List<String> labelledNodes() {
        List<String> nodes = new ArrayList<>(hosts.host(1).docker("node", "ls", "--format", "{{.ID}}").lines()
                .map(id -> hosts.host(1).docker("node", "inspect", "--format", "{{index .Spec.Labels \"berth.host\"}} {{.Status.State}}", id))
                .map(s -> s.replace("ready", "Ready")).toList());
        nodes.sort(null);
        return nodes;
    }

    /** A one-service Compose project on the host, on the stack network as every host's compose.yaml declares it. */
    private static void compose(NamespaceHost host, String service, String script) throws Exception {
        compose(host, List.of("docker", "compose"), service, script);
    }

    private static void compose(NamespaceHost host, List<String> compose, String service, String script) throws Exception {
        String folder = NamespaceHosts.STACKS.resolve(PROJECT).toString();
        String yaml = """
                services:
                  %s:
                    image: %s
                    command: ["sh", "-c", "%s"]
                    stop_signal: SIGKILL
                    networks: [berth]
                networks:
                  berth:
                    external: true
                    name: %s
                """.formatted(service, BusyboxImage.NAME, script, NETWORK);
        host.target().files().mkdirs(folder);
        host.target().files().writeAtomic(folder + "/compose.yaml", yaml.getBytes(StandardCharsets.UTF_8), 0644);
        // No workaround here: the fabric's anchor service keeps the external network known on a worker.
        exec(host, composeCommand(compose, "up", "-d"));
    }

    private static List<String> composeCommand(String... args) {
        return composeCommand(List.of("docker", "compose"), args);
    }

    private static List<String> composeCommand(List<String> compose, String... args) {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("--project-directory", NamespaceHosts.STACKS.resolve(PROJECT).toString(), "-p", PROJECT));
        command.addAll(List.of(args));
        return command;
    }

    private static void exec(NamespaceHost host, List<String> command) throws TargetException {
        ExecResult result = host.target().exec(command, Duration.ofSeconds(120));
        assertTrue(result.ok(), host.name() + ": " + command + ": " + result.stderr());
    }
}

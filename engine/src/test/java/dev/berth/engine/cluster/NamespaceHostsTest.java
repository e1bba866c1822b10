package dev.berth.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.ExecResult;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.testsupport.NeedsSsh;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The test hosts themselves: separate engines, SSH to each, separate files, nothing left behind. */
@NeedsDocker
@NeedsSsh
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NamespaceHostsTest {
    private static NamespaceHosts hosts;

    @BeforeAll
    static void start() throws Exception {
        hosts = NamespaceHosts.start(2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    @Order(1)
    void eachHostRunsItsOwnEngine() {
        String first = hosts.host(1).docker("info", "--format", "{{.ID}}");
        String second = hosts.host(2).docker("info", "--format", "{{.ID}}");
        String main = NamespaceHosts.quietlyOutput("docker", "info", "--format", "{{.ID}}");
        assertNotEquals(first, second);
        assertNotEquals(main, first);
        assertNotEquals(main, second);
    }

    @Test
    @Order(2)
    void sshToEachHostRunsDockerAgainstThatHostsEngine() throws Exception {
        for (NamespaceHost host : hosts.hosts()) {
            ExecResult info = host.target().exec(List.of("docker", "info", "--format", "{{.ID}} {{.Name}}"), Duration.ofSeconds(60));
            assertTrue(info.ok(), info.stderr());
            assertEquals(host.docker("info", "--format", "{{.ID}} {{.Name}}"), info.stdout().trim(), host.name());
            ExecResult address = host.target().exec(List.of("ip", "-4", "-o", "addr", "show", "eth0"), Duration.ofSeconds(30));
            assertTrue(address.stdout().contains(host.address() + "/24"), address.stdout());
        }
    }

    @Test
    @Order(3)
    void theSameStackPathIsADifferentFolderOnEachHost() throws Exception {
        String path = NamespaceHosts.STACKS.resolve("only-on-h1/compose.yaml").toString();
        hosts.host(1).target().files().mkdirs(NamespaceHosts.STACKS.resolve("only-on-h1").toString());
        hosts.host(1).target().files().writeAtomic(path, "h1\n".getBytes(StandardCharsets.UTF_8), 0644);

        assertTrue(hosts.host(1).target().files().stat(path).isPresent());
        assertFalse(hosts.host(2).target().files().stat(path).isPresent(), "h2 sees h1's file");
        assertEquals("h1\n", Files.readString(hosts.host(1).files(Path.of(path))));
        assertFalse(Files.exists(hosts.host(2).files(Path.of(path))));
        assertFalse(Files.exists(Path.of(path)), "this machine sees a host's file");
    }

    @Test
    @Order(4)
    void closingLeavesNothing() throws Exception {
        hosts.host(1).loadImages(dev.berth.engine.BusyboxImage.ensure(hosts.host(1).folder()));
        hosts.host(1).docker("run", "-d", "--name", "left-running", "--network", "none", dev.berth.engine.BusyboxImage.NAME, "sleep", "7770077");
        hosts.close();
        hosts = null;

        assertEquals("", NamespaceHosts.quietlyOutput("ip", "netns", "list").lines()
                .filter(l -> l.startsWith(NamespaceHosts.PREFIX)).reduce("", String::concat));
        assertFalse(NamespaceHosts.quietly("ip", "link", "show", NamespaceHosts.BRIDGE), "the bridge is left");
        assertFalse(NamespaceHosts.quietly("iptables", "-C", "FORWARD", "-i", NamespaceHosts.BRIDGE, "-o", NamespaceHosts.BRIDGE, "-j", "ACCEPT"),
                "the FORWARD rule is left");
        assertFalse(NamespaceHosts.quietlyOutput("cat", "/proc/mounts").contains(NamespaceHosts.BASE.toString()), "a mount is left");
        assertFalse(Files.exists(NamespaceHosts.BASE), "the hosts' folder is left");
        assertFalse(NamespaceHosts.quietlyOutput("ps", "-eo", "args").contains(NamespaceHosts.BASE.toString()), "a process is left");
        assertFalse(NamespaceHosts.quietlyOutput("ps", "-eo", "args").contains("sleep 7770077"), "a container is left");
    }
}

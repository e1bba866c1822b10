package dev.berth.engine.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.SshdTestBase;
import dev.berth.engine.deploy.ConfigureProxyHostsJob;
import dev.berth.engine.deploy.JobContext;
import dev.berth.engine.target.LoopbackTunnel;
import dev.berth.engine.target.SshTarget;
import dev.berth.plan.StackPlan;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy hosts set up on a server over SSH, through the real OpenSSH server: the double
 * listens on the server's loopback only, which this computer reaches through a forwarded port.
 */
class NpmOverSshTest extends SshdTestBase {
    private FakeNpm npm;
    private SshTarget target;

    @BeforeEach
    void start() throws Exception {
        npm = FakeNpm.start();
        target = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
    }

    @AfterEach
    void stop() {
        if (npm == null) {
            return; // skipped before the double started: NPM's schemas are not beside this clone
        }
        target.close();
        npm.close();
    }

    @Test
    void theTunnelIsAForwardedPortThatReachesTheServersLoopback() throws Exception {
        try (LoopbackTunnel tunnel = target.openTunnel(npm.port());
             NpmClient client = new NpmClient(URI.create("http://127.0.0.1:" + tunnel.localAddress().getPort() + "/api/"), "test")) {

            assertNotEquals(npm.port(), tunnel.localAddress().getPort());
            assertEquals("OK", client.status().status());
        }
    }

    @Test
    void theJobSetsUpTheHostsThroughTheSshConnection() throws Exception {
        NpmStack stack = new NpmStack(npm);
        StackPlan plan = stack.plan();
        ConfigureProxyHostsJob job = stack.job(plan);

        job.execute(new JobContext(target, Clock.systemUTC()));

        assertEquals(job.hosts().size(), npm.hosts().size());
        assertEquals(List.of(), npm.refusedBodies());
        job.undo(new JobContext(target, Clock.systemUTC()));
        assertEquals(List.of(), npm.hosts());
    }

    @Test
    void aServerThatForbidsForwardingIsNamedAsTheLikelyCause() throws Exception {
        target.close();
        sshd.restartWith(List.of("AllowTcpForwarding no"));
        try (SshTarget strict = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            StackPlan plan = new NpmStack(npm).plan();
            ConfigureProxyHostsJob job = new ConfigureProxyHostsJob(ProxyHostsPlan.of(plan),
                    new NpmAdmin("admin@example.com", NpmStack.password(plan), npm.port()), Duration.ZERO);

            NpmException e = assertThrows(NpmException.class, () -> job.execute(new JobContext(strict, Clock.systemUTC())));

            assertTrue(e.getMessage().contains("AllowTcpForwarding"), e.getMessage());
            assertEquals(List.of(), npm.exchanges());
        } finally {
            sshd.restartWith(List.of());
        }
    }
}

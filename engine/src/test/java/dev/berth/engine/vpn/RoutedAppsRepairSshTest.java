package dev.berth.engine.vpn;

import static dev.berth.engine.vpn.RoutedStack.APP;
import static dev.berth.engine.vpn.RoutedStack.GLUETUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.berth.engine.RequiresDocker;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.target.SshTarget;
import dev.berth.testsupport.NeedsDocker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repair after a Gluetun restart, asked over a real sshd as a test user in the docker group. */
@NeedsDocker
class RoutedAppsRepairSshTest extends SshdTestBase {
    private RoutedStack stack;

    @BeforeEach
    void setUp() throws Exception {
        RequiresDocker.engine();
        stack = new RoutedStack(tmp.resolve("stack-root"));
    }

    @AfterEach
    void tearDown() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void afterGluetunRestartsTheAppIsRestartedOverSsh() throws Exception {
        stack.local.docker().restartContainerCmd(stack.id(GLUETUN)).exec();
        stack.awaitGluetunHealthy();
        assertEquals("lo", stack.interfaces(APP));
        String started = stack.startedAt(APP);

        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            RoutedAppsRepair repair = new RoutedAppsRepair(ssh);
            assertEquals(List.of(APP), repair.repair(stack.plan));
            assertEquals(stack.namespace(GLUETUN), stack.namespace(APP));
            assertNotEquals(started, stack.startedAt(APP), "restarted");
            String again = stack.startedAt(APP);
            assertEquals(List.of(), repair.repair(stack.plan), "nothing left to repair");
            assertEquals(again, stack.startedAt(APP));
        }
    }
}

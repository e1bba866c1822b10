package dev.berth.engine.vpn;

import static dev.berth.engine.vpn.RoutedStack.APP;
import static dev.berth.engine.vpn.RoutedStack.GLUETUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.RequiresDocker;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gluetun restarted and recreated under a running routed app, on the real engine: the app is left
 * without network, and the repair brings it back into Gluetun's namespace of now.
 */
@NeedsDocker
class RoutedAppsRepairTest {
    @TempDir
    Path root;
    private RoutedStack stack;

    @BeforeEach
    void setUp() throws Exception {
        RequiresDocker.engine();
        stack = new RoutedStack(root);
    }

    @AfterEach
    void tearDown() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void afterGluetunRestartsTheAppIsRestartedIntoItsNewNamespace() throws Exception {
        RoutedAppsRepair repair = new RoutedAppsRepair(stack.local);
        assertEquals(stack.namespace(GLUETUN), stack.namespace(APP), "deployed: one namespace");
        assertNothingChanges(repair);

        stack.local.docker().restartContainerCmd(stack.id(GLUETUN)).exec();
        stack.awaitGluetunHealthy();
        assertEquals("lo", stack.interfaces(APP), "the app kept Gluetun's old namespace, which has only the loopback");
        assertNotEquals(stack.namespace(GLUETUN), stack.namespace(APP));
        String appId = stack.id(APP);

        assertEquals(List.of(APP), repair.repair(stack.plan));
        assertEquals(appId, stack.id(APP), "restarted, not recreated: Gluetun is the same container");
        assertEquals(stack.namespace(GLUETUN), stack.namespace(APP));
        assertTrue(stack.interfaces(APP).contains("eth0"), stack.interfaces(APP));
        assertNothingChanges(repair);
    }

    @Test
    void afterGluetunIsRecreatedTheAppIsRecreatedToJoinTheNewContainer() throws Exception {
        RoutedAppsRepair repair = new RoutedAppsRepair(stack.local);
        String oldGluetun = stack.id(GLUETUN);
        String oldApp = stack.id(APP);
        var up = stack.compose("up", "-d", "--force-recreate", "--no-deps", GLUETUN);
        assertTrue(up.ok(), up::toString);
        stack.awaitGluetunHealthy();
        assertNotEquals(oldGluetun, stack.id(GLUETUN));
        assertEquals(oldApp, stack.id(APP), "Compose left the app alone");
        assertEquals("container:" + oldGluetun, stack.inspect(APP).getHostConfig().getNetworkMode(),
                "the app still points at the removed Gluetun");

        assertEquals(List.of(APP), repair.repair(stack.plan));
        assertNotEquals(oldApp, stack.id(APP), "recreated");
        assertEquals("container:" + stack.id(GLUETUN), stack.inspect(APP).getHostConfig().getNetworkMode());
        assertEquals(stack.namespace(GLUETUN), stack.namespace(APP));
        assertNothingChanges(repair);
    }

    @Test
    void whileGluetunIsNotRunningNothingIsTouched() throws Exception {
        RoutedAppsRepair repair = new RoutedAppsRepair(stack.local);
        stack.local.docker().stopContainerCmd(stack.id(GLUETUN)).exec();
        String started = stack.startedAt(APP);
        assertEquals(List.of(), repair.repair(stack.plan), "no namespace to join yet");
        assertEquals(started, stack.startedAt(APP));
    }

    /** A healthy stack: repair does nothing, and neither container was restarted. */
    private void assertNothingChanges(RoutedAppsRepair repair) throws Exception {
        String gluetun = stack.startedAt(GLUETUN);
        String app = stack.startedAt(APP);
        assertEquals(List.of(), repair.repair(stack.plan));
        assertEquals(gluetun, stack.startedAt(GLUETUN));
        assertEquals(app, stack.startedAt(APP));
    }
}

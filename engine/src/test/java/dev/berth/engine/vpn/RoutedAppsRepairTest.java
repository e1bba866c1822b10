package dev.berth.engine.vpn;

import static dev.berth.engine.vpn.RoutedStack.APP;
import static dev.berth.engine.vpn.RoutedStack.GLUETUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gluetun restarted and recreated under a running routed app, on the real engine: the app is left
 * without network, and the repair brings it back into Gluetun's namespace of now.
 */
class RoutedAppsRepairTest extends OnRoutedStack {
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
    void anAppWhoseNamespaceCannotBeReadIsJudgedByWhenItStarted() throws Exception {
        RoutedAppsRepair repair = new RoutedAppsRepair(stack.local);
        // A "sh" first on the PATH that fails: the probe cannot run (as in an image without a shell); the entrypoint's /bin/sh still works.
        var broken = stack.exec(APP, "/bin/busybox", "sh", "-c",
                "printf '#!/bin/sh\\nexit 3\\n' > /usr/local/bin/sh && /bin/busybox chmod +x /usr/local/bin/sh");
        assertTrue(broken.ok(), broken::toString);
        assertEquals(3, stack.exec(APP, "sh", "-c", "true").exitCode());
        assertNothingChanges(repair);

        stack.local.docker().restartContainerCmd(stack.id(GLUETUN)).exec();
        stack.awaitGluetunHealthy();
        assertEquals(List.of(APP), repair.repair(stack.plan), "started before Gluetun: its namespace is the old one");
        assertEquals(stack.namespace(GLUETUN), stack.namespace(APP));
        assertNothingChanges(repair);
    }

    @Test
    void whileGluetunIsNotRunningNothingIsTouched() throws Exception {
        // Recreated, then stopped: the app points at a removed container, but there is no namespace to join yet.
        var up = stack.compose("up", "-d", "--force-recreate", "--no-deps", GLUETUN);
        assertTrue(up.ok(), up::toString);
        stack.local.docker().stopContainerCmd(stack.id(GLUETUN)).exec();
        String app = stack.id(APP);
        String started = stack.startedAt(APP);
        assertEquals(List.of(), new RoutedAppsRepair(stack.local).repair(stack.plan));
        assertEquals(app, stack.id(APP));
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

package dev.berth.engine.vpn;

import static dev.berth.engine.vpn.RoutedStack.APP;
import static dev.berth.engine.vpn.RoutedStack.GLUETUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.ComposeLabels;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.vpn.VpnCheck.Kind;
import dev.berth.engine.vpn.VpnCheck.Verdict;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kill switch on the real engine: with Gluetun stopped, the routed app that still runs has no way out. */
class KillSwitchTest extends OnRoutedStack {
    @Test
    void withGluetunStoppedTheRoutedAppHasNoNetwork() throws Exception {
        KillSwitch killSwitch = new KillSwitch(stack.local);
        VpnCheck running = single(killSwitch.check(stack.plan));
        assertEquals(Verdict.UNKNOWN, running.verdict(), "nothing to show while Gluetun runs: " + running);
        String jellyfin = jellyfinHealthUrl();
        Await.until("through Gluetun the app reaches " + jellyfin, () -> stack.exec(APP, "wget", "-q", "-O", "-", jellyfin),
                ExecResult::ok);

        stack.local.docker().stopContainerCmd(stack.id(GLUETUN)).exec();
        VpnCheck stopped = single(killSwitch.check(stack.plan));
        assertEquals(new VpnCheck(APP, Kind.KILL_SWITCH, Verdict.PASS, "no network with gluetun stopped (interfaces up: lo; routes: none)"),
                stopped);
        assertTrue(RoutedContainers.running(stack.inspect(APP)), "the app still runs");
        ExecResult cutOff = stack.exec(APP, "wget", "-q", "-O", "-", jellyfin);
        assertFalse(cutOff.ok(), "and reaches nothing: " + cutOff);

        stack.local.docker().stopContainerCmd(stack.id(APP)).exec();
        assertEquals(new VpnCheck(APP, Kind.KILL_SWITCH, Verdict.PASS, "not running"), single(killSwitch.check(stack.plan)));
    }

    @Test
    void anAppWithANetworkOfItsOwnFails() throws Exception {
        // What a hand-edited compose.yaml makes: the stack's qBittorrent on the default bridge, not in Gluetun's namespace.
        stack.local.docker().stopContainerCmd(stack.id(GLUETUN)).exec();
        stack.local.docker().removeContainerCmd(stack.id(APP)).withForce(true).exec();
        var run = stack.local.exec(List.of("docker", "run", "-d", "--label", ComposeLabels.PROJECT + "=" + stack.project,
                "--label", ComposeLabels.SERVICE + "=" + APP, service(APP).definition().image().reference()), Duration.ofMinutes(1));
        assertTrue(run.ok(), run::toString);

        VpnCheck leak = single(new KillSwitch(stack.local).check(stack.plan));
        assertEquals(Verdict.FAIL, leak.verdict(), leak::toString);
        assertTrue(leak.detail().contains("interfaces up: eth0, lo; routes: IPv4 via eth0"), leak.detail());
        assertTrue(leak.detail().contains("Deploy the stack again with Berth"), leak.detail());
    }

    private PlannedService service(String name) {
        return stack.plan.service(name).orElseThrow();
    }

    /** Jellyfin's health page at its address on the stack's network (no name: the app may have no DNS). */
    private String jellyfinHealthUrl() throws Exception {
        String ip = stack.inspect("jellyfin").getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
        PlannedService j = service("jellyfin");
        return "http://" + ip + ":" + j.webPort() + j.definition().web().healthPath();
    }

    private static VpnCheck single(List<VpnCheck> checks) {
        assertEquals(1, checks.size(), checks::toString);
        return checks.getFirst();
    }
}

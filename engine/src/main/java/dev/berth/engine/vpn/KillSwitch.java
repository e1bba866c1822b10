package dev.berth.engine.vpn;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.vpn.RoutedContainers.NetworkUnreadable;
import dev.berth.engine.vpn.VpnCheck.Kind;
import dev.berth.engine.vpn.VpnCheck.Verdict;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kill switch shown, not claimed: while Gluetun is stopped, each routed app that still runs is
 * looked at from inside, and passes only when it has no way out at all — no route but through
 * {@code lo} or what is left of the tunnel. Gluetun's firewall is not what holds then (it stopped with Gluetun):
 * what holds is that the app has no network of its own, only Gluetun's namespace, which the engine
 * emptied when Gluetun stopped.
 */
public final class KillSwitch {
    private final Target target;

    public KillSwitch(Target target) {
        this.target = target;
    }

    /**
     * One {@link Kind#KILL_SWITCH} check per routed app. Meant for when Gluetun is not running; while
     * it runs, the apps' network is Gluetun's and nothing can be shown, so each check is UNKNOWN.
     *
     * @throws TargetException when the engine cannot be asked at all
     */
    public List<VpnCheck> check(StackPlan plan) throws TargetException {
        RoutedContainers containers = new RoutedContainers(target, plan.projectName());
        Optional<PlannedService> gatewayService = RoutedContainers.gateway(plan);
        String gatewayName = gatewayService.map(PlannedService::name).orElse("Gluetun");
        List<String> tunnel = gatewayService.map(s -> s.definition().vpnGateway().tunnelInterfaces()).orElse(List.of());
        boolean gatewayRuns = gatewayService.isPresent()
                && containers.container(gatewayName).filter(RoutedContainers::running).isPresent();
        List<VpnCheck> checks = new ArrayList<>();
        for (PlannedService app : RoutedContainers.routed(plan)) {
            if (gatewayRuns) {
                checks.add(check(app, Verdict.UNKNOWN, gatewayName + " is running, so " + app.name()
                        + " uses its network: the kill switch can only be shown with " + gatewayName + " stopped"));
                continue;
            }
            Optional<InspectContainerResponse> c = containers.container(app.name());
            if (c.isEmpty() || !RoutedContainers.running(c.get())) {
                checks.add(check(app, Verdict.PASS, "not running"));
                continue;
            }
            try {
                NetworkView seen = containers.look(c.get());
                checks.add(seen.cutOff(tunnel)
                        ? check(app, Verdict.PASS, "no network with " + gatewayName + " stopped (" + seen.describe() + ")")
                        : check(app, Verdict.FAIL, app.name() + " can reach the network with " + gatewayName + " stopped ("
                                + seen.describe() + "): it has a network of its own, not only " + gatewayName
                                + "'s. Deploy the stack again with Berth, which puts it in " + gatewayName
                                + "'s network (network_mode: service:" + gatewayName + "), and add no other network to it"));
            } catch (NetworkUnreadable e) {
                checks.add(check(app, Verdict.UNKNOWN, "its network could not be read from inside (" + e.getMessage()
                        + "): Berth reads it with the sh, ls and cat of the app's image"));
            }
        }
        return checks;
    }

    private static VpnCheck check(PlannedService app, Verdict verdict, String detail) {
        return new VpnCheck(app.name(), Kind.KILL_SWITCH, verdict, detail);
    }
}

package dev.berth.engine.deploy;

import dev.berth.answers.VpnAnswers;
import dev.berth.engine.vpn.VpnCheck;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.plan.Placement;
import dev.berth.plan.PlannedService;
import dev.berth.plan.PortForwarding;
import dev.berth.plan.StackPlan;
import java.util.List;
import java.util.Optional;

/**
 * The words under the VPN table, the same after {@code berth deploy}, in {@code berth status} and
 * on the Done page: the public address, the forwarded port and which client has it (or why there
 * is none), and, after a leak, which apps were stopped and what to do.
 */
public final class VpnSummary {
    private VpnSummary() {
    }

    /** "203.0.113.7", or "unknown" with the public address check's reason. */
    public static String publicAddress(VpnProof proof) {
        if (proof.publicAddress().isPresent()) {
            return proof.publicAddress().get();
        }
        return proof.checks().stream().filter(c -> c.kind() == VpnCheck.Kind.PUBLIC_ADDRESS && !c.detail().isBlank())
                .map(c -> "unknown (" + c.detail() + ")").findFirst().orElse("unknown");
    }

    /** "41234 → qBittorrent", or why no port is forwarded. */
    public static String forwardedPort(StackPlan plan, VpnProof proof) {
        Optional<PortForwarding> forwarding = PortForwarding.of(plan);
        if (proof.forwardedPort().isPresent()) {
            return proof.forwardedPort().get() + forwarding.map(f -> " → " + f.client().displayName()).orElse("");
        }
        VpnAnswers vpn = plan.answers().vpn();
        if (forwarding.isPresent()) {
            return "none yet: Gluetun asks " + vpn.provider() + " for one once the tunnel is up, and hands it to "
                    + forwarding.get().client().displayName() + " at every reconnect; run berth status later to see it";
        }
        if (Boolean.FALSE.equals(vpn.portForwarding())) {
            return "off (switched off in the answers: vpn.portForwarding is false)";
        }
        boolean torrentRouted = plan.services().stream()
                .anyMatch(s -> s.placement() == Placement.VPN && s.definition().forwardedPort() != null);
        if (!torrentRouted) {
            return "none: no torrent client is routed through the VPN (only a torrent client needs one)";
        }
        return "none: Gluetun has no port forwarding for " + vpn.provider()
                + (vpn.type() == null ? "" : " with " + vpn.type().key()) + "; torrents still download, with fewer peers";
    }

    /**
     * After a leak: the apps Berth stopped and what to do; empty when nothing was stopped.
     *
     * @param plan for the stopped apps' display names
     */
    public static Optional<String> stopped(StackPlan plan, VpnProof proof) {
        if (proof.stopped().isEmpty()) {
            return Optional.empty();
        }
        List<String> names = proof.stopped().stream().map(name -> plan.services().stream().filter(s -> s.name().equals(name))
                .findFirst().map(PlannedService::displayName).orElse(name)).toList();
        return Optional.of("Berth stopped " + String.join(", ", names) + ": " + (names.size() == 1 ? "its" : "their")
                + " traffic could leave outside the tunnel. Fix what the failed checks say, then run berth deploy again:"
                + " it starts " + (names.size() == 1 ? "it" : "them") + " and proves the VPN again.");
    }
}

package dev.berth.app.cli;

import dev.berth.engine.deploy.VpnSummary;
import dev.berth.engine.vpn.VpnCheck;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;

/**
 * The VPN table ("qbittorrent  internet route is the tunnel  PASS  default route: tun0"), the
 * public address, the forwarded port and, after a leak, the apps Berth stopped: for {@code berth
 * deploy} and {@code berth status}, after the links.
 */
final class VpnPrinter {
    private VpnPrinter() {
    }

    static void print(StackPlan plan, VpnProof proof, PrintWriter out) {
        int service = proof.checks().stream().mapToInt(c -> c.service().length()).max().orElse(0);
        int title = proof.checks().stream().mapToInt(c -> c.kind().title().length()).max().orElse(0);
        out.println("VPN:");
        for (VpnCheck c : proof.checks()) {
            String row = String.format("  %-" + service + "s  %-" + title + "s  %-7s  %s", c.service(), c.kind().title(),
                    c.verdict(), c.detail());
            out.println(row.stripTrailing());
        }
        out.println("Public address: " + VpnSummary.publicAddress(proof));
        out.println("Forwarded port: " + VpnSummary.forwardedPort(plan, proof));
        VpnSummary.stopped(plan, proof).ifPresent(out::println);
    }

    /**
     * {@code exit} unless the proof found a leak: then {@link BerthCommand#VPN_LEAK}. A check that
     * could not tell (UNKNOWN) changes nothing: it is no leak, and it is never a pass either.
     */
    static int exitCode(VpnProof proof, int exit) {
        return proof.leaked() ? BerthCommand.VPN_LEAK : exit;
    }
}

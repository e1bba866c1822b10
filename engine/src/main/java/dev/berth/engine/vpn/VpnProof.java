package dev.berth.engine.vpn;

import java.util.List;
import java.util.Optional;

/**
 * What the VPN proof found for a stack whose apps are routed through Gluetun.
 *
 * @param checks        every check, routed app by routed app, then Gluetun's own
 * @param publicAddress the address the internet sees through the tunnel (from Gluetun's control
 *                      server); empty when it could not be read
 * @param forwardedPort the port the provider forwards now; empty when forwarding is off or not up yet
 * @param stopped       the routed apps Berth stopped because a check found a leak
 * @param repaired      the routed apps Berth restarted or recreated because they had lost Gluetun's
 *                      network (Gluetun restarted or was recreated without them)
 */
public record VpnProof(List<VpnCheck> checks, Optional<String> publicAddress, Optional<Integer> forwardedPort,
                       List<String> stopped, List<String> repaired) {
    public VpnProof {
        checks = List.copyOf(checks);
        stopped = List.copyOf(stopped);
        repaired = List.copyOf(repaired);
    }

    /** FAIL when any check failed (a leak), else UNKNOWN when any could not tell, else PASS. */
    public VpnCheck.Verdict verdict() {
        if (checks.stream().anyMatch(c -> c.verdict() == VpnCheck.Verdict.FAIL)) {
            return VpnCheck.Verdict.FAIL;
        }
        if (checks.stream().anyMatch(c -> c.verdict() == VpnCheck.Verdict.UNKNOWN)) {
            return VpnCheck.Verdict.UNKNOWN;
        }
        return VpnCheck.Verdict.PASS;
    }

    /** Whether a check found traffic that can leave outside the tunnel (see {@link VpnCheck#leak()}). */
    public boolean leaked() {
        return checks.stream().anyMatch(VpnCheck::leak);
    }
}

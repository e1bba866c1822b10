package dev.berth.engine.vpn;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.Placement;
import dev.berth.plan.StackPlan;
import java.util.function.BooleanSupplier;

/**
 * Proves, on the target, that every app routed through Gluetun can reach the internet only
 * through the tunnel: after every deploy and in {@code berth status}. Routed apps that lost
 * Gluetun's network are brought back first; a leak stops the routed apps.
 */
public final class VpnProver {
    private final Target target;
    private final String projectName;

    public VpnProver(Target target, String projectName) {
        this.target = target;
        this.projectName = projectName;
    }

    /** Whether the stack routes any app through the VPN. */
    public static boolean needed(StackPlan plan) {
        return plan.services().stream().anyMatch(s -> s.placement() == Placement.VPN);
    }

    /**
     * Repairs routed apps that lost Gluetun's network, checks each routed app, and stops them all
     * when a check finds a leak.
     *
     * @throws TargetException when the target cannot be reached at all (a check that cannot tell is UNKNOWN, not this)
     */
    public VpnProof prove(StackPlan plan, BooleanSupplier cancelled) throws TargetException {
        throw new UnsupportedOperationException("seam: built in issue 14 (helper h3)");
    }
}

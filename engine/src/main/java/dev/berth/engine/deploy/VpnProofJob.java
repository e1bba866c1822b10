package dev.berth.engine.deploy;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.vpn.VpnCheck;
import dev.berth.engine.vpn.VpnProof;
import dev.berth.engine.vpn.VpnProver;
import dev.berth.plan.PlannedService;
import dev.berth.plan.Placement;
import dev.berth.plan.StackPlan;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * After every service is healthy, and before the proxy hosts and the wiring (which does not run
 * after a leak: a leaking app must not be connected to the others): proves that every app routed
 * through Gluetun reaches the internet only through the tunnel, and records the {@link VpnProof}.
 *
 * <p>It never fails the deploy, and so never rolls back: a leak is handled by stopping the routed
 * apps (the prover does that), and rolling back would put back a stack that leaks the same way. A
 * target that stops answering, or a fault of Berth's, becomes a proof with one UNKNOWN check saying
 * what happened, never a PASS.
 */
public final class VpnProofJob implements Job {
    /** The proof; recorded whenever the job ran. */
    public static final JobOutcomes.Key<VpnProof> PROOF = JobOutcomes.Key.of("vpn proof", VpnProof.class);

    /** What proves the VPN on a target: {@link #onTarget} in a deploy and in {@code berth status}, made-up proofs in tests. */
    @FunctionalInterface
    public interface Prover {
        VpnProof prove(Target target, StackPlan plan, BooleanSupplier cancelled) throws TargetException;

        /** The real proof: {@link VpnProver} on the target, for the plan's project. */
        static Prover onTarget() {
            return (target, plan, cancelled) -> new VpnProver(target, plan.projectName()).prove(plan, cancelled);
        }
    }

    private final StackPlan plan;
    private final Prover prover;

    public VpnProofJob(StackPlan plan, Prover prover) {
        this.plan = plan;
        this.prover = prover;
    }

    public VpnProofJob(StackPlan plan) {
        this(plan, Prover.onTarget());
    }

    /** Whether the stack routes any app through the VPN. */
    public static boolean needed(StackPlan plan) {
        return VpnProver.needed(plan);
    }

    @Override
    public String description() {
        List<String> routed = routedApps(plan);
        return "Prove the VPN: " + String.join(", ", routed) + (routed.size() == 1 ? " reaches" : " reach")
                + " the internet only through the tunnel";
    }

    /** The display names of the apps routed through Gluetun, in the order the person chose them. */
    static List<String> routedApps(StackPlan plan) {
        return plan.servicesInChosenOrder().stream().filter(s -> s.placement() == Placement.VPN).map(PlannedService::displayName).toList();
    }

    @Override
    public void execute(JobContext context) {
        context.record(PROOF, proveOrExplain(prover, context.target(), plan, context::cancelled));
    }

    /**
     * The prover's proof; when it could not run at all, a proof with one UNKNOWN check saying why
     * and what to do, so the caller (a deploy, {@code berth status}) always has a proof to show.
     */
    public static VpnProof proveOrExplain(Prover prover, Target target, StackPlan plan, BooleanSupplier cancelled) {
        try {
            return prover.prove(target, plan, cancelled);
        } catch (TargetException e) {
            return unknown("Berth could not reach " + target.description() + " to prove the VPN: " + e.getMessage()
                    + ". Run berth status once it answers.");
        } catch (RuntimeException e) {
            // A fault of Berth's, not a leak: the stack stays up, and the person is told the proof is missing.
            return unknown("The VPN proof stopped: " + e + ". Run berth status to try again.");
        }
    }

    private static VpnProof unknown(String why) {
        return new VpnProof(List.of(new VpnCheck("gluetun", VpnCheck.Kind.NAMESPACE, VpnCheck.Verdict.UNKNOWN, why)),
                Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    /** Nothing: the proof changes nothing a rollback could put back (a leak's stopped apps stay stopped on purpose). */
    @Override
    public void undo(JobContext context) {
    }
}

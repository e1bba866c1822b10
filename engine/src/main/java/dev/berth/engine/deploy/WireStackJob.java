package dev.berth.engine.deploy;

import dev.berth.engine.stack.Owner;
import dev.berth.engine.target.Target;
import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.WiringPlan;
import dev.berth.engine.wire.WiringResult;
import dev.berth.plan.StackPlan;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * After every service is healthy: connects the apps through their APIs (root folders, download
 * clients, Prowlarr's applications, sign-ins), proves each link with the apps' own tests, checks
 * Berth can sign in to each download client, and keeps what it set in {@code .berth/wiring.json}.
 *
 * <p>A wiring failure never fails the deploy, and so never rolls back a healthy stack: the link
 * that failed is recorded as needing attention, with the app's own words, and {@code berth wire}
 * runs the wiring again. For the same reason there is nothing to undo: the stack runs either way,
 * and what was set in an app is what the next run builds on.
 */
public final class WireStackJob implements Job {
    /** The links, writes and sign-ins handed over; recorded whenever the job ran. */
    public static final JobOutcomes.Key<WiringResult> RESULT = JobOutcomes.Key.of("wiring", WiringResult.class);

    private final StackPlan plan;
    private final WiringPlan wiring;
    private final Optional<Owner> owner;
    private final BiFunction<Target, String, StackWiring> runner;

    /**
     * @param runner the wiring for a target and project: {@link StackWiring#onTarget} in a deploy, a
     *               wiring pointed at test doubles in tests and benchmarks
     */
    public WireStackJob(StackPlan plan, WiringPlan wiring, Optional<Owner> owner,
                        BiFunction<Target, String, StackWiring> runner) {
        this.plan = plan;
        this.wiring = wiring;
        this.owner = owner;
        this.runner = runner;
    }

    public WireStackJob(StackPlan plan, WiringPlan wiring, Optional<Owner> owner) {
        this(plan, wiring, owner, StackWiring::onTarget);
    }

    /** Whether the stack has anything to wire: an *arr app, Prowlarr, or a download client to sign in to. */
    public static boolean needed(WiringPlan wiring) {
        return !wiring.isEmpty();
    }

    @Override
    public String description() {
        int apps = wiring.apps().size();
        String connect = apps == 0 ? "check the sign-in of each download client"
                : "connect " + apps + (apps == 1 ? " app" : " apps") + " to the download clients and each other, and test every link";
        if (wiring.setups().isEmpty()) {
            return Character.toUpperCase(connect.charAt(0)) + connect.substring(1);
        }
        // A stack with a media server alone has no download client to check: say only what happens.
        String setUp = "Set up " + String.join(", ", wiring.setups().stream().map(dev.berth.engine.wire.AppSetup::displayName).toList())
                + " through " + (wiring.setups().size() == 1 ? "its" : "their") + " API";
        return apps == 0 && wiring.clientSignIns().isEmpty() ? setUp : setUp + ", then " + connect;
    }

    @Override
    public void execute(JobContext context) {
        if (context.outcomes().get(VpnProofJob.PROOF).filter(dev.berth.engine.vpn.VpnProof::leaked).isPresent()) {
            // The proof stopped the routed apps: wiring them would hand a leaking app to the others (and wait on stopped ones).
            context.record(RESULT, new WiringResult(List.of(new Link("Berth", "the apps", Link.Status.NEEDS_ATTENTION,
                    "Not connected: the VPN proof found a leak and Berth stopped the apps routed through it. Fix what the VPN "
                            + "table says, then run berth deploy again.")), 0, List.of()));
            return;
        }
        WiringResult result;
        try {
            result = runner.apply(context.target(), plan.projectName()).runOnStack(context.target(), plan, wiring,
                    StackWiring.Mode.APPLY, owner, p -> context.publish(new DeployProgress.Wiring(p)), context::cancelled);
        } catch (RuntimeException e) {
            // Not an app's refusal (those are links already) but a fault of Berth's: still no reason to take the stack down.
            result = new WiringResult(List.of(new Link("Berth", "the apps", Link.Status.NEEDS_ATTENTION,
                    "The wiring stopped: " + e + ". Run berth wire to try again.")), 0, wiring.credentials());
        }
        context.record(RESULT, result);
    }

    /** Nothing: the wiring leaves the stack running whatever happened, and the next run builds on what it set. */
    @Override
    public void undo(JobContext context) {
    }
}

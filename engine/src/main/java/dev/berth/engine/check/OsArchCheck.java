package dev.berth.engine.check;

import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The distribution and CPU architecture, and whether every chosen image is built for that architecture. */
public final class OsArchCheck implements Check {
    /** One image and the architectures it is built for: all the check reads from the plan. */
    record ImageArchs(String service, String image, List<String> architectures) {
    }

    @Override
    public String id() {
        return "os-arch";
    }

    @Override
    public String title() {
        return "System and CPU";
    }

    @Override
    public boolean needsPlan() {
        return false; // the system itself is worth showing before any app is chosen
    }

    @Override
    public Object inputs(CheckInputs in) {
        return in.plan().map(OsArchCheck::images).orElse(List.of());
    }

    private static List<ImageArchs> images(StackPlan plan) {
        return plan.services().stream().map(s -> new ImageArchs(s.displayName(), s.definition().image().reference(),
                s.definition().architectures())).toList();
    }

    @Override
    public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
        TargetFacts facts = ctx.facts();
        String system = facts.os().describe() + " on " + (facts.machine() == null ? "an unknown CPU" : facts.machine());
        if (facts.arch() == null) {
            return CheckResult.of(this, Status.WARN, system + ": Berth does not know this CPU architecture",
                    String.join("\n", facts.notes()), "Check that your apps publish images for "
                            + (facts.machine() == null ? "this CPU" : facts.machine()) + " before deploying.");
        }
        if (ctx.plan().isEmpty()) {
            return CheckResult.pass(this, system + " (" + facts.arch() + ")", "");
        }
        // By image, so an image used twice (exportarr for each app) is named once.
        Map<String, String> unsupported = new TreeMap<>();
        for (PlannedService s : ctx.plan().get().services()) {
            if (!s.definition().supports(facts.arch())) {
                unsupported.merge(s.definition().image().reference(), s.displayName(), (a, b) -> a + ", " + b);
            }
        }
        if (unsupported.isEmpty()) {
            return CheckResult.pass(this, system + " (" + facts.arch() + "): every image is built for " + facts.arch(),
                    ctx.plan().get().services().size() + " services checked.");
        }
        List<String> lines = unsupported.entrySet().stream().map(e -> e.getValue() + " (" + e.getKey() + ")").toList();
        return CheckResult.of(this, Status.FAIL, unsupported.size() + " image(s) have no " + facts.arch() + " build: "
                        + String.join(", ", unsupported.values()),
                system + ". Images without a " + facts.arch() + " build:\n" + String.join("\n", lines),
                "Remove " + String.join(", ", unsupported.values()) + " from your apps, or run the stack on a "
                        + "computer with an amd64 or arm64 CPU.");
    }
}

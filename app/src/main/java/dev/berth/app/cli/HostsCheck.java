package dev.berth.app.cli;

import dev.berth.answers.HostAnswers;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Checks;
import dev.berth.engine.check.ClusterChecks;
import dev.berth.engine.check.ClusterResources;
import dev.berth.engine.check.Status;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code berth check --answers FILE} for answers with {@code hosts:}: every host at once, each
 * host's table under its name, its resources, and the hosts' resources added up. The worst host
 * decides the exit code.
 */
final class HostsCheck {
    private HostsCheck() {
    }

    static int run(StackPlan plan, TargetOpener opener, TargetOption option, PrintWriter out, PrintWriter err) throws InterruptedException {
        List<HostAnswers> hosts = plan.answers().hosts();
        List<ClusterChecks.HostToCheck> toCheck = new ArrayList<>();
        try {
            // One after another: each SSH host may ask its host-key question on the terminal.
            for (HostAnswers h : hosts) {
                Target t;
                try {
                    t = option.open(opener, TargetSpec.of(h.target(), null), err);
                } catch (TargetException e) {
                    err.println("Host " + h.name() + ": " + e.getMessage());
                    err.println("Fix the connection (hosts: " + h.name() + " in the answers file, or the machine) and run the check again.");
                    return BerthCommand.CHECK_FAILED;
                }
                toCheck.add(new ClusterChecks.HostToCheck(h.name(), t, null, plan.answers().storage().dataRoot()));
            }
            int width = hosts.stream().mapToInt(h -> h.name().length()).max().orElse(0);
            err.println("Checking " + hosts.size() + " hosts at once (each as a machine, and its resources) ...");
            List<ClusterChecks.HostReport> reports;
            try (ClusterChecks checks = new ClusterChecks(toCheck, Checks.targetOnly())) {
                Thread stop = new Thread(checks::cancel);
                Runtime.getRuntime().addShutdownHook(stop);
                try {
                    reports = checks.run((host, r) -> progress(host, width, r, err));
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(stop);
                    } catch (IllegalStateException shuttingDown) {
                        // Already on the way out: the hook is running.
                    }
                }
            }
            Status worst = Status.PASS;
            for (int i = 0; i < reports.size(); i++) {
                ClusterChecks.HostReport r = reports.get(i);
                out.println();
                out.println("== " + r.name() + " (" + toCheck.get(i).target().description() + ")");
                CheckTable.print(r.results(), out);
                out.println("Resources: " + r.resources().map(ClusterResources::describe).orElse("not read. " + r.resourcesProblem()));
                worst = worst.worst(r.worst());
            }
            out.println();
            out.println("All hosts together: " + ClusterChecks.sum(reports).describe() + ".");
            out.flush();
            return worst == Status.FAIL ? BerthCommand.CHECK_FAILED : 0;
        } finally {
            toCheck.forEach(h -> h.target().close());
        }
    }

    private static synchronized void progress(String host, int width, CheckResult r, PrintWriter err) {
        err.printf("  %-" + width + "s  %-5s %s%n", host, r.status(), r.title());
        err.flush();
    }
}

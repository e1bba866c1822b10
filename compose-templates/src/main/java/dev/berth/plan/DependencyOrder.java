package dev.berth.plan;

import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.Requirement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Start order: a service starts after what it requires, VPN-routed apps after the tunnel, exporters
 * after their app. Only where the dependent fails without the other answering does it wait for
 * {@code service_healthy}: routed apps on the gateway (no network until the tunnel is up) and a
 * requirement the catalog marks {@code waitForHealthy}. Every other wait is {@code service_started},
 * since each health-check wait along a chain holds a first deploy up by a check interval.
 */
final class DependencyOrder {
    static final String HEALTHY = "service_healthy";
    static final String STARTED = "service_started";

    private final Catalog catalog;
    private final Map<String, ServiceDraft> drafts;

    DependencyOrder(Catalog catalog, Map<String, ServiceDraft> drafts) {
        this.catalog = catalog;
        this.drafts = drafts;
    }

    void apply() {
        for (ServiceDraft d : drafts.values()) {
            for (Requirement r : d.def.relations().requires()) {
                for (ServiceDraft other : drafts.values()) {
                    if (other != d && r.anyOf().stream().anyMatch(other.def::satisfies)) {
                        waitFor(d, other, r.waitForHealthy());
                    }
                }
            }
            if (d.placement == Placement.VPN) {
                waitFor(d, drafts.get("gluetun"), true);
            }
            if (d.exportedApp != null) {
                waitFor(d, d.exportedApp, false);
            }
        }
        checkNoCycle();
    }

    private static void waitFor(ServiceDraft d, ServiceDraft other, boolean healthy) {
        boolean stronger = healthy && other.healthcheck.reportsHealth();
        // Two reasons to wait for one service: the stronger wait wins.
        d.dependsOn.merge(other.name, stronger ? HEALTHY : STARTED, (a, b) -> a.equals(HEALTHY) ? a : b);
    }

    private void checkNoCycle() {
        Set<String> done = new HashSet<>();
        for (String name : drafts.keySet()) {
            visit(name, new java.util.ArrayList<>(), done);
        }
    }

    private void visit(String name, List<String> path, Set<String> done) {
        if (done.contains(name)) {
            return;
        }
        if (path.contains(name)) {
            List<String> cycle = path.subList(path.indexOf(name), path.size());
            throw new InvalidAnswersException(List.of(new Problem("services", "the catalog makes these services wait for each other: "
                    + String.join(" → ", cycle) + " → " + name + "; this is a bug in the service definitions",
                    PlanRule.DEPENDENCY_CYCLE)));
        }
        path.add(name);
        for (String dep : drafts.get(name).dependsOn.keySet()) {
            visit(dep, path, done);
        }
        path.removeLast();
        done.add(name);
    }
}

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
 * Start order: a service waits for what it requires to be healthy (or started, when Docker can't
 * tell health), VPN-routed apps wait for the tunnel, exporters for their app.
 */
final class DependencyOrder {
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
                        waitFor(d, other);
                    }
                }
            }
            if (d.placement == Placement.VPN) {
                waitFor(d, drafts.get("gluetun"));
            }
            if (d.exportedApp != null) {
                waitFor(d, d.exportedApp);
            }
        }
        checkNoCycle();
    }

    private static void waitFor(ServiceDraft d, ServiceDraft other) {
        d.dependsOn.put(other.name, other.healthcheck.reportsHealth() ? "service_healthy" : "service_started");
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

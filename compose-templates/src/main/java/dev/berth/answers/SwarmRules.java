package dev.berth.answers;

import dev.berth.catalog.Catalog;
import dev.berth.catalog.ServiceDefinition;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rules of {@code placement.swarm}: Swarm may run only the apps the catalog lets it
 * ({@code swarm.schedulable}: they keep nothing on their host), and never one routed through the
 * VPN, which lives in Gluetun's network namespace on Gluetun's host. Each problem is on the list
 * entry and names the apps that are allowed.
 */
final class SwarmRules {
    private final Catalog catalog;
    private final Answers answers;
    private final Consumer<Problem> problems;

    SwarmRules(Catalog catalog, Answers answers, Consumer<Problem> problems) {
        this.catalog = catalog;
        this.answers = answers;
        this.problems = problems;
    }

    void check() {
        List<String> swarm = answers.placement().swarm();
        for (int i = 0; i < swarm.size(); i++) {
            String id = swarm.get(i);
            String field = "placement.swarm[" + i + "]";
            if (!catalog.contains(id) || !ImpliedServices.chosen(answers, id)) {
                continue; // an unknown or unchosen id is HostRules' problem, said once there
            }
            ServiceDefinition def = catalog.get(id);
            if (!def.swarm().schedulable()) {
                problems.accept(new Problem(field, "Swarm cannot run " + def.name() + ": it keeps its settings, folders or devices on"
                        + " its host, and Swarm would start it on another host without them. Remove '" + id + "' here;"
                        + " Swarm may run " + allowed(), AnswerRule.SWARM_NOT_SCHEDULABLE));
            } else if (answers.vpn().enabled() && answers.vpn().routedServices().contains(id)) {
                problems.accept(new Problem(field, def.name() + " is routed through the VPN, so it runs in Gluetun's network on"
                        + " Gluetun's host, where Swarm cannot place it: remove '" + id + "' here or from vpn.routedServices",
                        AnswerRule.SWARM_ROUTED));
            }
        }
    }

    private String allowed() {
        List<String> ids = catalog.all().stream().filter(d -> d.swarm().schedulable()).map(ServiceDefinition::id).toList();
        return ids.isEmpty() ? "none of the catalog's apps" : "only " + String.join(", ", ids);
    }
}

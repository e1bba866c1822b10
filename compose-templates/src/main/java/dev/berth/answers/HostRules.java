package dev.berth.answers;

import dev.berth.catalog.Catalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rules of a stack placed across several hosts ({@code hosts:} and {@code placement:}), each
 * problem on its key ({@code hosts[1].name}, {@code placement.pins.jellyfin}). One host alone is
 * allowed: a single-node swarm, which more hosts can join later.
 */
final class HostRules {
    private final Answers answers;
    private final Consumer<Problem> problems;

    HostRules(Answers answers, Consumer<Problem> problems) {
        this.answers = answers;
        this.problems = problems;
    }

    /** The rules on the answers alone (the first pass, beside the field constraints). */
    void check() {
        List<HostAnswers> hosts = answers.hosts();
        if (hosts.isEmpty()) {
            if (!answers.placement().isEmpty()) {
                fail("placement", "places services on hosts, and this stack has one target: list the machines under"
                        + " 'hosts:' (each with a name and a target), or remove 'placement'", AnswerRule.PLACEMENT_WITHOUT_HOSTS);
            }
            return;
        }
        Map<String, Integer> names = new HashMap<>();
        int firstLocal = -1;
        for (int i = 0; i < hosts.size(); i++) {
            HostAnswers host = hosts.get(i);
            if (host == null || host.name() == null || host.target() == null) {
                continue; // the field constraints say what is missing
            }
            Integer before = names.putIfAbsent(host.name(), i);
            if (before != null) {
                fail("hosts[" + i + "].name", "'" + host.name() + "' is already the name of hosts[" + before
                        + "]: give each host its own name", AnswerRule.HOST_NAMES_UNIQUE);
            }
            if (host.target().kind() == TargetAnswers.Kind.LOCAL) {
                if (firstLocal >= 0) {
                    fail("hosts[" + i + "].target.kind", "hosts[" + firstLocal + "] is already this computer: only one host"
                            + " can be 'local'; reach the others over SSH", AnswerRule.ONE_LOCAL_HOST);
                } else {
                    firstLocal = i;
                }
                if (host.reachableAt().isEmpty()) {
                    fail("hosts[" + i + "].address", "is required for the host that is this computer: the address the other"
                            + " hosts reach it at (e.g. 192.168.1.10)", AnswerRule.LOCAL_HOST_ADDRESS);
                }
            }
        }
        HostAnswers first = hosts.getFirst();
        if (first != null && answers.target() != null && !answers.target().equals(first.target())) {
            fail("target", "differs from the first host's target (hosts[0].target), and with 'hosts:' the first host is where"
                    + " the stack is managed from: remove 'target'", AnswerRule.TARGET_IS_FIRST_HOST);
        }
        answers.placement().pins().forEach((service, host) -> {
            if (!names.containsKey(host)) {
                fail("placement.pins." + service, service + " is pinned to '" + host + "', and no host has that name; use one of "
                        + names.keySet().stream().sorted().toList() + " (the names under 'hosts:')", AnswerRule.PIN_UNKNOWN_HOST);
            }
        });
    }

    /** The rules that need the catalog (the second pass): pinned and Swarm-scheduled services exist and run in the stack. */
    void checkServices(Catalog catalog) {
        answers.placement().pins().forEach((service, host) -> {
            if (!catalog.contains(service)) {
                fail("placement.pins." + service, "'" + service + "' is pinned to " + host + ", and Berth knows no service '"
                        + service + "': use a service id from the Apps screen, or remove the pin", AnswerRule.UNKNOWN_SERVICE);
            }
        });
        List<String> swarm = answers.placement().swarm();
        for (int i = 0; i < swarm.size(); i++) {
            String id = swarm.get(i);
            if (!ImpliedServices.chosen(answers, id)) {
                fail("placement.swarm[" + i + "]", "'" + id + "' is not a service of this stack: choose it on the Apps screen,"
                        + " or remove it from placement.swarm", AnswerRule.SWARM_NOT_CHOSEN);
            }
        }
    }

    private void fail(String field, String message, AnswerRule rule) {
        problems.accept(new Problem(field, message, rule));
    }
}

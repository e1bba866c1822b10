package dev.berth.plan;

import dev.berth.answers.Answers;
import dev.berth.answers.ImpliedServices;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.Requirement;
import dev.berth.catalog.ServiceDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out the full set of services: the chosen ones, the ones other answers switch on, and
 * whatever those require, each added one with the reason. Refuses conflicting services. Public
 * so the wizard's Apps page shows the same additions the plan will make.
 */
public final class DependencyResolver {
    /**
     * @param ids         every service that runs, in catalog order
     * @param additions   those the person did not pick, each with why
     * @param suggestions services that would help, not added
     */
    public record Resolution(List<String> ids, List<Addition> additions, List<String> suggestions) {
    }

    private final Catalog catalog;

    public DependencyResolver(Catalog catalog) {
        this.catalog = catalog;
    }

    /** @throws InvalidAnswersException naming each pair of services that cannot run together */
    public Resolution resolve(Answers answers) {
        Map<String, String> reasons = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>(answers.services());
        ImpliedServices.of(answers).forEach((id, why) -> {
            if (ids.add(id)) {
                reasons.put(id, "Added because " + why + ".");
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String id : List.copyOf(ids)) {
                ServiceDefinition def = catalog.get(id);
                for (Requirement r : def.relations().requires()) {
                    if (!satisfied(r, ids)) {
                        String added = preferred(r);
                        ids.add(added);
                        reasons.put(added, "Added for " + def.name() + ": " + r.reason());
                        changed = true;
                    }
                }
            }
        }
        checkConflicts(ids);
        List<String> ordered = catalog.all().stream().map(ServiceDefinition::id).filter(ids::contains).toList();
        List<Addition> additions = new ArrayList<>();
        for (String id : ordered) {
            if (reasons.containsKey(id)) {
                additions.add(new Addition(id, reasons.get(id)));
            }
        }
        Set<String> suggestions = new LinkedHashSet<>();
        for (String id : ordered) {
            for (String s : catalog.get(id).relations().suggests()) {
                if (!ids.contains(s)) {
                    suggestions.add(s);
                }
            }
        }
        return new Resolution(ordered, additions, List.copyOf(suggestions));
    }

    private boolean satisfied(Requirement r, Set<String> ids) {
        for (String id : ids) {
            ServiceDefinition def = catalog.get(id);
            for (String wanted : r.anyOf()) {
                if (def.satisfies(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String preferred(Requirement r) {
        if (r.prefer() != null) {
            return r.prefer();
        }
        return r.anyOf().stream().filter(catalog::contains).findFirst().orElseThrow();
    }

    private void checkConflicts(Set<String> ids) {
        // A conflict may be declared on either side; report each pair once.
        Set<List<String>> pairs = new java.util.TreeSet<>(java.util.Comparator.comparing((List<String> p) -> p.get(0))
                .thenComparing(p -> p.get(1)));
        for (String id : ids) {
            for (String other : catalog.get(id).relations().conflicts()) {
                if (ids.contains(other)) {
                    pairs.add(id.compareTo(other) < 0 ? List.of(id, other) : List.of(other, id));
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (List<String> pair : pairs) {
            problems.add(new Problem("services", catalog.get(pair.get(0)).name() + " and "
                    + catalog.get(pair.get(1)).name() + " cannot run together: choose one of them", PlanRule.CONFLICTING_SERVICES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
    }
}

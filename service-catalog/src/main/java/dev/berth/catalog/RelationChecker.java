package dev.berth.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Rules across definitions: every relation names a service or a capability that exists. */
final class RelationChecker {
    private final List<ServiceDefinition> services;
    private final Consumer<String> problems;

    RelationChecker(List<ServiceDefinition> services, Consumer<String> problems) {
        this.services = services;
        this.problems = problems;
    }

    void check() {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (ServiceDefinition s : services) {
            ids.add(s.id());
            names.add(s.id());
            names.addAll(s.relations().provides());
        }
        for (ServiceDefinition s : services) {
            String file = s.id() + ".yaml";
            List<Requirement> requires = s.relations().requires();
            for (int i = 0; i < requires.size(); i++) {
                Requirement r = requires.get(i);
                for (String name : r.anyOf()) {
                    if (!names.contains(name)) {
                        problems.accept(file + ": field 'relations.requires[" + i + "].anyOf': '" + name
                                + "' is neither a service id nor a capability any service provides");
                    }
                }
                if (r.prefer() != null && !ids.contains(r.prefer())) {
                    problems.accept(file + ": field 'relations.requires[" + i + "].prefer': no service '" + r.prefer() + "'");
                }
                if (r.prefer() == null && r.anyOf().stream().noneMatch(ids::contains)) {
                    problems.accept(file + ": field 'relations.requires[" + i + "].prefer': needed when anyOf names only capabilities");
                }
            }
            for (String id : s.relations().suggests()) {
                if (!ids.contains(id)) {
                    problems.accept(file + ": field 'relations.suggests': no service '" + id + "'");
                }
            }
            for (String id : s.relations().conflicts()) {
                if (!ids.contains(id)) {
                    problems.accept(file + ": field 'relations.conflicts': no service '" + id + "'");
                }
            }
        }
    }
}

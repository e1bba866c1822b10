package dev.berth.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rules across definitions: every relation names a service or a capability that exists, every
 * {@code metrics.exporter} is an exporter, and no two apps share an API key secret.
 */
final class RelationChecker {
    private final List<ServiceDefinition> services;
    private final Consumer<String> problems;

    RelationChecker(List<ServiceDefinition> services, Consumer<String> problems) {
        this.services = services;
        this.problems = problems;
    }

    void check() {
        java.util.Map<String, String> keyOwners = new java.util.HashMap<>();
        Set<String> exporters = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (ServiceDefinition s : services) {
            ids.add(s.id());
            names.add(s.id());
            names.addAll(s.relations().provides());
            if (s.exporter() != null) {
                exporters.add(s.id());
            }
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
            if (s.metrics() != null && !exporters.contains(s.metrics().exporter())) {
                problems.accept(file + ": field 'metrics.exporter': '" + s.metrics().exporter()
                        + "' is not an exporter; name a service with an 'exporter' section " + new java.util.TreeSet<>(exporters));
            }
            s.apiKey().ifPresent(key -> {
                String owner = keyOwners.putIfAbsent(key.secret(), s.id());
                if (owner != null) {
                    problems.accept(file + ": field 'api.key.secret': '" + key.secret() + "' is already " + owner
                            + "'s key; give each app its own (e.g. " + s.id().replace('-', '_') + "_api_key)");
                }
            });
        }
    }
}

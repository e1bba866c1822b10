package dev.berth.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rules across definitions: every relation names a service or a capability that exists, every
 * {@code metrics.exporter} is an exporter, and no two services declare the same secret.
 */
final class RelationChecker {
    private final List<ServiceDefinition> services;
    private final Consumer<String> problems;
    /** Secret name → the service whose file declares it: two services must not overwrite one secret. */
    private final java.util.Map<String, String> secretOwners = new java.util.HashMap<>();

    RelationChecker(List<ServiceDefinition> services, Consumer<String> problems) {
        this.services = services;
        this.problems = problems;
    }

    private void ownSecret(String file, String field, String secret, String id, String suffix) {
        String owner = secretOwners.putIfAbsent(secret, id);
        if (owner != null) {
            problems.accept(file + ": field '" + field + "': '" + secret + "' is already a secret of " + owner
                    + "; give each its own name (e.g. " + id.replace('-', '_') + suffix + ")");
        }
    }

    /**
     * Compose would wait forever for {@code service_healthy} on a service Docker cannot tell the
     * health of, so each service that may satisfy a waited-for requirement needs a health check.
     */
    private void checkReportsHealth(String file, int i, Requirement r) {
        for (ServiceDefinition other : services) {
            if (r.anyOf().stream().anyMatch(other::satisfies)
                    && (other.healthcheck() == null || !other.healthcheck().reportsHealth())) {
                problems.accept(file + ": field 'relations.requires[" + i + "].waitForHealthy': " + other.id()
                        + " has no health check, so nothing would ever say it is healthy; give " + other.id()
                        + ".yaml a 'healthcheck' or drop waitForHealthy");
            }
        }
    }

    void check() {
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
        List<String> gateways = services.stream().filter(s -> s.vpnGateway() != null).map(ServiceDefinition::id).toList();
        if (gateways.size() > 1) {
            // Routed apps join one gateway's network (network_mode: service:<id>); two would leave the planner guessing.
            problems.accept(gateways.get(1) + ".yaml: field 'vpnGateway': only one service can be the VPN gateway, and "
                    + gateways.getFirst() + " already is; remove the section from one of " + gateways);
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
                if (r.waitForHealthy()) {
                    checkReportsHealth(file, i, r);
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
            List<String> with = s.placement().with();
            for (int i = 0; i < with.size(); i++) {
                if (with.get(i) != null && !ids.contains(with.get(i))) {
                    problems.accept(file + ": field 'placement.with[" + i + "]': no service '" + with.get(i)
                            + "'; name the id of a service in the catalog (its file name without .yaml)");
                }
            }
            if (s.metrics() != null && !exporters.contains(s.metrics().exporter())) {
                problems.accept(file + ": field 'metrics.exporter': '" + s.metrics().exporter()
                        + "' is not an exporter; name a service with an 'exporter' section " + new java.util.TreeSet<>(exporters));
            }
            s.apiKey().ifPresent(key -> ownSecret(file, "api.key.secret", key.secret(), s.id(), "_api_key"));
            if (s.vpnGateway() != null && s.vpnGateway().keySecret() != null && s.vpnGateway().widgetKeySecret() != null) {
                ownSecret(file, "vpnGateway.keySecret", s.vpnGateway().keySecret(), s.id(), "_control_api_key");
                ownSecret(file, "vpnGateway.widgetKeySecret", s.vpnGateway().widgetKeySecret(), s.id(), "_widget_api_key");
            }
            for (int i = 0; i < s.passwords().size(); i++) {
                ownSecret(file, "passwords[" + i + "].secret", s.passwords().get(i).secret(), s.id(), "_password");
            }
        }
    }
}

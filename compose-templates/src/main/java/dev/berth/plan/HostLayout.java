package dev.berth.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where every service of a multi-host stack runs (issue 17): a pure value the placer makes from
 * the plan, each host's {@link HostResources} and the person's pins.
 *
 * @param hosts       the host names in the order of {@code hosts:}; the first is the swarm's manager
 * @param services    service name → its assignment, in the plan's service order
 * @param storageHost the host whose file system holds the data tree (downloads and media): the
 *                    download clients and the *arr apps run there, for hardlinks
 */
public record HostLayout(List<String> hosts, Map<String, HostAssignment> services, String storageHost) {
    public HostLayout {
        hosts = List.copyOf(hosts);
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }

    public String hostOf(String service) {
        HostAssignment a = services.get(service);
        if (a == null) {
            throw new IllegalArgumentException("No host for service " + service + "; placed: " + services.keySet());
        }
        return a.host();
    }

    public Optional<HostAssignment> assignment(String service) {
        return Optional.ofNullable(services.get(service));
    }

    /** The names of the services on {@code host}, in the plan's order. */
    public List<String> servicesOn(String host) {
        return services.values().stream().filter(a -> a.host().equals(host)).map(HostAssignment::service).toList();
    }

    public String manager() {
        return hosts.get(0);
    }
}

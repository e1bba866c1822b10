package dev.berth.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every known service, by id, in a stable order (category, then id). */
public final class Catalog {
    private final Map<String, ServiceDefinition> byId;

    public Catalog(Collection<ServiceDefinition> services) {
        Map<String, ServiceDefinition> map = new LinkedHashMap<>();
        services.stream()
                .sorted(java.util.Comparator.comparing(ServiceDefinition::category).thenComparing(ServiceDefinition::id))
                .forEach(s -> map.put(s.id(), s));
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    /** The catalog shipped with Berth. Loaded once; later calls share it. */
    public static Catalog builtIn() {
        return BuiltIn.INSTANCE;
    }

    public Optional<ServiceDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public ServiceDefinition get(String id) {
        ServiceDefinition s = byId.get(id);
        if (s == null) {
            throw new IllegalArgumentException("No service '" + id + "' in the catalog; known: " + byId.keySet());
        }
        return s;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public List<ServiceDefinition> all() {
        return List.copyOf(byId.values());
    }

    public List<ServiceDefinition> inCategory(Category category) {
        return byId.values().stream().filter(s -> s.category() == category).toList();
    }

    /** Services providing a capability (or having that id), in catalog order. */
    public List<ServiceDefinition> providing(String idOrCapability) {
        return byId.values().stream().filter(s -> s.satisfies(idOrCapability)).toList();
    }

    private static final class BuiltIn {
        static final Catalog INSTANCE = new CatalogLoader().loadBuiltIn();
    }
}

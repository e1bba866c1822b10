package dev.berth.plan;

import dev.berth.catalog.Healthcheck;
import dev.berth.catalog.ServiceDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A service while the planner fills it in; becomes an immutable {@link PlannedService}. */
final class ServiceDraft {
    final String name;
    final ServiceDefinition def;
    /** For an exporter instance, the app whose API it reads; null otherwise. */
    final ServiceDraft exportedApp;
    Placement placement = Placement.BRIDGE;
    int webPort;
    int hostWebPort;
    final List<PublishedPort> ports = new ArrayList<>();
    final List<Mount> mounts = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();
    final LinkedHashSet<String> secrets = new LinkedHashSet<>();
    final TreeMap<String, String> dependsOn = new TreeMap<>();
    String user;
    List<String> command;
    final List<String> extraHosts = new ArrayList<>();
    final List<String> devices = new ArrayList<>();
    final TreeMap<String, String> labels = new TreeMap<>();
    Healthcheck healthcheck;

    ServiceDraft(String name, ServiceDefinition def) {
        this(name, def, null);
    }

    /** An exporter planned for one app: named {@code <exporter>-<app>}. */
    static ServiceDraft exporterFor(ServiceDraft app, ServiceDefinition exporter) {
        return new ServiceDraft(exporter.id() + "-" + app.name, exporter, app);
    }

    private ServiceDraft(String name, ServiceDefinition def, ServiceDraft exportedApp) {
        this.name = name;
        this.def = def;
        this.exportedApp = exportedApp;
        this.webPort = def.web() == null ? 0 : def.web().port();
        this.command = def.run().command();
        this.devices.addAll(def.run().devices());
        this.extraHosts.addAll(def.run().extraHosts());
        this.healthcheck = def.healthcheck();
    }

    /** Mounts a secret and points a variable at its file. */
    void secretFile(String variable, String secretName) {
        secrets.add(secretName);
        env.put(variable, "/run/secrets/" + secretName);
    }

    /** The service as planned, running the image {@code pins} hold for it (the catalog's without one). */
    PlannedService build(ImagePins pins) {
        ServiceDefinition runs = pins.of(name).map(p -> def.withImage(p.image())).orElse(def);
        return new PlannedService(name, runs, placement, List.copyOf(ports), List.copyOf(mounts),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env)), List.copyOf(secrets),
                java.util.Collections.unmodifiableSortedMap(new TreeMap<>(dependsOn)), user, List.copyOf(command),
                List.copyOf(extraHosts), List.copyOf(devices),
                java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels)), webPort, hostWebPort, healthcheck,
                exportedApp == null ? null : exportedApp.name);
    }
}

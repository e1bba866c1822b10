package dev.berth.render;

import dev.berth.plan.HostAssignment;
import dev.berth.plan.HostLayout;
import dev.berth.plan.StackPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The manager's {@code swarm/stack.yaml} of a stack across several hosts (issue 17): the services
 * the person lets Swarm schedule ({@code placement.swarm}), as {@code docker stack deploy} reads
 * them. {@link ClusterSplit} calls it for the manager's share and leaves these services out of
 * every host's compose.yaml.
 *
 * <p>Each service is the one the whole stack's compose.yaml describes, so its image, environment,
 * health check and labels are the same whichever way it runs, with these changes:
 * <ul>
 * <li>{@code deploy.placement.constraints} on {@link #nodeLabel the stack's node label}, which every
 *     host of this stack carries, rather than on {@code berth.host} of the host the placer chose: a
 *     constraint on one host would keep Swarm from starting the service anywhere else when that host
 *     dies, the whole point of letting Swarm schedule it. {@code preferences: spread} over
 *     {@code berth.host} keeps several such services apart.</li>
 * <li>{@code deploy.endpoint_mode: dnsrr}: the service's name resolves to the address of the task
 *     that runs now. With Swarm's default virtual IP, containers kept being sent to the task of a
 *     dead host after Swarm had started a new one (the test hosts showed "No route to host" through
 *     the virtual IP while the new task answered at its own address). A published port is therefore
 *     published on the node that runs the task ({@code mode: host}), not on every node.</li>
 * <li>{@code restart} and {@code depends_on} go (Swarm ignores both); {@code deploy.restart_policy}
 *     restarts it on any exit.</li>
 * <li>The stack network is the overlay, external ({@link ClusterSplit#overlayNetwork}), so the names
 *     the wiring uses ({@code flaresolverr:8191}) reach it from every host's Compose project.</li>
 * <li>Secrets stay Swarm secrets made from the manager's {@code secrets/} files: Swarm keeps them
 *     encrypted in its own store and hands them to whichever node runs the task, where a bind-mounted
 *     file would exist on the manager only. Swarm secrets cannot change in place; Berth keeps a
 *     stack's secrets byte for byte across runs, so they do not.</li>
 * <li>No {@code healthcheck.start_interval}: the stack file format of Docker 20.10 has none.</li>
 * </ul>
 */
public final class SwarmStackFile {
    /** Where the file goes in the manager's stack folder. */
    public static final String PATH = "swarm/stack.yaml";
    /** The stack file format: 3.8 is the newest Docker 20.10's {@code docker stack deploy} reads in full. */
    static final String VERSION = "3.8";

    private SwarmStackFile() {
    }

    /** The node label (key; its value is {@code true}) every host of project {@code project} carries, which the services are constrained to. */
    public static String nodeLabel(String project) {
        return "berth.stack." + project;
    }

    /** The services Swarm schedules, in the plan's order. */
    public static List<String> services(HostLayout layout) {
        return layout.services().values().stream().filter(HostAssignment::swarm).map(HostAssignment::service).toList();
    }

    /** The stack file, or empty when Swarm schedules no service of {@code layout}. */
    public static Optional<RenderedFile> render(PlannedStack whole, HostLayout layout) {
        List<String> names = services(layout);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> compose = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()))
                .load(whole.rendered().text("compose.yaml"));
        Map<?, ?> all = (Map<?, ?>) compose.get("services");
        String project = whole.plan().projectName();
        Map<String, Object> services = new LinkedHashMap<>();
        TreeSet<String> secrets = new TreeSet<>();
        for (String name : names) {
            Map<?, ?> service = (Map<?, ?>) all.get(name);
            if (service == null) {
                throw new IllegalArgumentException("Swarm should schedule " + name + ", which the stack does not run; it runs " + all.keySet());
            }
            services.put(name, swarmService(name, service, project));
            if (service.get("secrets") instanceof List<?> mounted) {
                mounted.forEach(s -> secrets.add((String) s));
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", VERSION);
        root.put("services", services);
        root.put("networks", Map.of(StackPlan.NETWORK, Yaml.map("external", true, "name", ClusterSplit.overlayNetwork(project))));
        if (!secrets.isEmpty()) {
            Map<String, Object> files = new LinkedHashMap<>();
            // Relative to this file's folder (swarm/), as docker stack deploy reads it.
            secrets.forEach(s -> files.put(s, Map.of("file", "../secrets/" + s)));
            root.put("secrets", files);
        }
        String header = ComposeFile.HEADER + "# Run by Docker Swarm (docker stack deploy), not Compose: these services may start on any host of the stack.\n";
        return Optional.of(RenderedFile.text(header + Yaml.dump(root)));
    }

    private static Map<String, Object> swarmService(String name, Map<?, ?> service, String project) {
        if (service.containsKey("volumes") || service.containsKey("network_mode") || service.containsKey("devices")) {
            // The catalog refuses swarm.schedulable for such a service, and the answers a routed one.
            throw new IllegalArgumentException(name + " mounts folders or uses one host's network or devices, so Swarm cannot move it;"
                    + " remove it from placement.swarm");
        }
        Map<String, Object> s = new LinkedHashMap<>();
        service.forEach((key, value) -> {
            switch ((String) key) {
                case "restart", "depends_on" -> { }
                case "healthcheck" -> s.put("healthcheck", withoutStartInterval((Map<?, ?>) value));
                default -> s.put((String) key, value);
            }
        });
        s.put("networks", List.of(StackPlan.NETWORK));
        if (service.get("ports") instanceof List<?> ports) {
            s.put("ports", ports.stream().map(p -> hostModePort((String) p)).toList());
        }
        s.put("deploy", Yaml.map(
                "endpoint_mode", "dnsrr",
                "replicas", 1,
                "placement", Yaml.map(
                        "constraints", List.of("node.labels." + nodeLabel(project) + " == true"),
                        "preferences", List.of(Map.of("spread", "node.labels.berth.host"))),
                "restart_policy", Map.of("condition", "any")));
        return s;
    }

    /**
     * {@code 8191:8191/tcp} as a port published on the node that runs the task: Swarm's routing mesh
     * (ingress) needs the virtual IP that {@code dnsrr} gives up.
     */
    private static Map<String, Object> hostModePort(String spec) {
        String[] protocol = spec.split("/");
        String[] ports = protocol[0].split(":");
        return Yaml.map("target", Integer.parseInt(ports[ports.length - 1]), "published", Integer.parseInt(ports[ports.length - 2]),
                "protocol", protocol.length > 1 ? protocol[1] : "tcp", "mode", "host");
    }

    private static Map<String, Object> withoutStartInterval(Map<?, ?> health) {
        Map<String, Object> h = new LinkedHashMap<>();
        health.forEach((k, v) -> {
            if (!"start_interval".equals(k)) {
                h.put((String) k, v);
            }
        });
        return h;
    }
}

package dev.berth.render;

import dev.berth.answers.Answers;
import dev.berth.answers.HostAnswers;
import dev.berth.plan.HostAssignment;
import dev.berth.plan.HostLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@value #PATH}, in every host's stack folder of a stack on several hosts: where each service runs
 * and why. The next run reads the manager's copy back as the previous layout, so a service stays
 * where it runs while the rules allow.
 */
public final class HostLayoutFile {
    public static final String PATH = "berth-hosts.yaml";

    private static final String HEADER = """
            # Where each service of this stack runs, and why. Written by Berth on every host of the stack;
            # the next run keeps each service where it is while the rules allow. To move one, pin it in
            # berth.yaml (placement.pins) instead of editing this file.
            """;

    private HostLayoutFile() {
    }

    /** The file for {@code layout}; {@code nfs} is what the person must set up for a service that mounts the media over NFS. */
    public static String render(Answers answers, HostLayout layout, Optional<String> nfs) {
        List<Object> hosts = new ArrayList<>();
        for (String name : layout.hosts()) {
            Map<String, Object> host = Yaml.map("name", name);
            answers.hosts().stream().filter(h -> h.name().equals(name)).findFirst().flatMap(HostAnswers::reachableAt)
                    .ifPresent(address -> host.put("address", address));
            if (name.equals(layout.manager())) {
                host.put("role", "manager");
            }
            hosts.add(host);
        }
        Map<String, Object> services = new LinkedHashMap<>();
        layout.services().forEach((name, a) -> services.put(name, Yaml.map(
                "host", a.host(), "pinned", a.pinned(), "swarm", a.swarm(), "reasons", a.reasons())));
        Map<String, Object> root = Yaml.map("hosts", hosts, "storageHost", layout.storageHost());
        nfs.ifPresent(note -> root.put("nfs", note));
        root.put("services", services);
        return HEADER + Yaml.dump(root);
    }

    /** Reads the file back; problems name it as {@value #PATH}. */
    public static HostLayout read(byte[] content) {
        return read(content, PATH);
    }

    /**
     * Reads the file back.
     *
     * @param where the file as a person finds it, e.g. {@code /opt/berth/berth-hosts.yaml on nas}
     * @throws IllegalArgumentException naming the file, the key and what to do, when it cannot be read
     */
    public static HostLayout read(byte[] content, String where) {
        Object root;
        try {
            root = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(new String(content, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw problem(where, "is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw problem(where, "must be a map with hosts, storageHost and services");
        }
        if (!(top.get("hosts") instanceof List<?> hostList) || hostList.isEmpty()) {
            throw problem(where, "hosts must list the stack's hosts, each with its name");
        }
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < hostList.size(); i++) {
            if (!(hostList.get(i) instanceof Map<?, ?> host) || !(host.get("name") instanceof String name)) {
                throw problem(where, "hosts[" + i + "] must have a name");
            }
            hosts.add(name);
        }
        if (!(top.get("storageHost") instanceof String storageHost) || !hosts.contains(storageHost)) {
            throw problem(where, "storageHost must name one of the hosts " + hosts);
        }
        if (!(top.get("services") instanceof Map<?, ?> serviceMap)) {
            throw problem(where, "services must map each service to its host");
        }
        Map<String, HostAssignment> services = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : serviceMap.entrySet()) {
            String service = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> entry) || !(entry.get("host") instanceof String host) || !hosts.contains(host)) {
                throw problem(where, "services." + service + ".host must name one of the hosts " + hosts);
            }
            List<String> reasons = new ArrayList<>();
            if (entry.get("reasons") instanceof List<?> list) {
                list.forEach(r -> reasons.add(String.valueOf(r)));
            }
            services.put(service, new HostAssignment(service, host, Boolean.TRUE.equals(entry.get("pinned")),
                    Boolean.TRUE.equals(entry.get("swarm")), reasons));
        }
        return new HostLayout(hosts, services, storageHost);
    }

    private static IllegalArgumentException problem(String where, String what) {
        return new IllegalArgumentException(where + ": " + what + ". Fix it, or delete the file: Berth then places every service afresh"
                + " (pins in berth.yaml still hold).");
    }
}

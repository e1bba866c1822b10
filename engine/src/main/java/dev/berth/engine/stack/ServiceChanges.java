package dev.berth.engine.stack;

import dev.berth.engine.stack.ServiceChange.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a deploy does to each service, worked out from the {@code compose.yaml} on the target, the
 * new one, the containers that run now, and the files that change. Pure: the deployer gathers the
 * inputs.
 *
 * <p>Compose's rule, followed here: a container is recreated when its service's configuration
 * changed (Compose compares a hash of it; {@code depends_on} is not part of the hash, so a changed
 * dependency list alone recreates nothing). A file the container mounts (a config file Berth
 * writes, a secret) is not part of the configuration: changing it recreates nothing, and the app
 * sees it only when it starts again. Compose v2 (2.26 here) also recreates every service that
 * depends on a recreated one ({@code depends_on}, {@code network_mode: service:x}); the old
 * docker-compose 1.29 does not. {@code up --remove-orphans} stops and removes containers of
 * services no longer in the file.
 *
 * @param changes one entry per service of either stack: starts, recreated, stopped and removed,
 *                then unchanged ones
 */
public record ServiceChanges(List<ServiceChange> changes) {
    private static final String DEPENDS_ON = "depends_on";

    public ServiceChanges {
        changes = List.copyOf(changes);
    }

    /**
     * @param before       the services of the compose.yaml on the target now (empty for a new stack)
     * @param after        the services of the new compose.yaml
     * @param containers   Compose service name to container state ("running", "exited", …) of the
     *                     project's containers now; empty when unknown (then the previous
     *                     compose.yaml is taken as what runs)
     * @param files        the stack folder's file changes, to name mounted files that change
     * @param composeV2    whether the target's Compose is v2, which recreates dependants too
     * @param configRoot   the previous stack's app folder root, to say where a removed app's settings stay
     * @param names        service name to the name a person knows
     */
    public static ServiceChanges between(ComposeServices before, ComposeServices after, Optional<Map<String, String>> containers,
                                         List<FileChange> files, boolean composeV2, Optional<String> configRoot,
                                         Function<String, String> names) {
        Set<String> changedFiles = new TreeSet<>();
        for (FileChange c : files) {
            if (c instanceof FileChange.Changed || c instanceof FileChange.Added) {
                changedFiles.add(c.path());
            }
        }
        Map<String, ServiceChange> out = new LinkedHashMap<>();
        Set<String> withContainer = new LinkedHashSet<>();
        for (String svc : after.names()) {
            String name = names.apply(svc);
            Map<String, Object> next = after.service(svc);
            Optional<Map<String, Object>> previous = Optional.ofNullable(before.service(svc));
            Optional<String> state = containers.isPresent()
                    ? Optional.ofNullable(containers.get().get(svc))
                    : previous.map(p -> "running");
            List<String> mounted = after.mountedFiles(svc, changedFiles);
            if (state.isEmpty()) {
                out.put(svc, new ServiceChange.Starts(svc, name,
                        previous.isPresent() ? "it is part of the stack but has no container now" : "new in the stack"));
                continue;
            }
            withContainer.add(svc);
            List<Reason> reasons = previous.map(p -> reasons(p, next)).orElseGet(() -> List.of(new Reason(
                    Reason.Kind.NOT_FROM_THIS_STACK, "its container was not made from this stack's compose.yaml")));
            if (!reasons.isEmpty()) {
                out.put(svc, new ServiceChange.Recreated(svc, name, reasons, mounted));
            } else if (!state.get().equals("running") && !state.get().equals("restarting")) {
                out.put(svc, new ServiceChange.Starts(svc, name, "it is " + state.get() + " now"));
            } else {
                out.put(svc, new ServiceChange.Unchanged(svc, name, mounted));
            }
        }
        if (composeV2) {
            cascade(after, out, withContainer, changedFiles);
        }
        Set<String> gone = new LinkedHashSet<>(containers.map(Map::keySet).orElseGet(() -> before.names()));
        if (containers.isPresent()) {
            // Sorted as the previous file lists them, then any others.
            List<String> ordered = new ArrayList<>(before.names());
            ordered.retainAll(gone);
            gone.stream().filter(s -> !ordered.contains(s)).sorted().forEach(ordered::add);
            gone = new LinkedHashSet<>(ordered);
        }
        for (String svc : gone) {
            if (!after.names().contains(svc)) {
                out.put(svc, new ServiceChange.StopsAndRemoved(svc, names.apply(svc), before.settings(svc, configRoot)));
            }
        }
        List<ServiceChange> sorted = new ArrayList<>(out.values());
        sorted.sort(Comparator.comparingInt(ServiceChanges::rank));
        return new ServiceChanges(sorted);
    }

    /** Whether no container changes and no app needs a restart. */
    public boolean nothingChanges() {
        return changes.stream().allMatch(c -> c instanceof ServiceChange.Unchanged u && !u.needsRestart());
    }

    /** Everything that happens, in sentences; unchanged services without a changed file are left out. */
    public List<String> sentences() {
        return changes.stream().filter(c -> !(c instanceof ServiceChange.Unchanged u && !u.needsRestart()))
                .map(ServiceChange::sentence).toList();
    }

    public Optional<ServiceChange> of(String service) {
        return changes.stream().filter(c -> c.service().equals(service)).findFirst();
    }

    private static int rank(ServiceChange c) {
        return switch (c) {
            case ServiceChange.Starts s -> 0;
            case ServiceChange.Recreated r -> 1;
            case ServiceChange.StopsAndRemoved s -> 2;
            case ServiceChange.Unchanged u -> u.needsRestart() ? 3 : 4;
        };
    }

    /** Compose v2 recreates a service whose dependency is recreated, and so on down the line. */
    private static void cascade(ComposeServices after, Map<String, ServiceChange> out, Set<String> withContainer,
                                Set<String> changedFiles) {
        boolean more = true;
        while (more) {
            more = false;
            for (String svc : after.names()) {
                ServiceChange c = out.get(svc);
                // Only a container that exists is recreated; a new one is simply created.
                if (c instanceof ServiceChange.Recreated || !withContainer.contains(svc)) {
                    continue;
                }
                for (String dep : after.dependencies(svc)) {
                    if (out.get(dep) instanceof ServiceChange.Recreated) {
                        out.put(svc, new ServiceChange.Recreated(svc, c.name(), List.of(new Reason(Reason.Kind.DEPENDENCY,
                                out.get(dep).name() + ", which it depends on, is recreated (Compose v2 then recreates "
                                        + "what depends on it)")), after.mountedFiles(svc, changedFiles)));
                        more = true;
                        break;
                    }
                }
            }
        }
    }

    /** Why Compose recreates a container whose service changed from {@code before} to {@code after}; empty when it does not. */
    static List<Reason> reasons(Map<String, Object> before, Map<String, Object> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.remove(DEPENDS_ON); // not in Compose's hash: a changed dependency list recreates nothing
        List<Reason> reasons = new ArrayList<>();
        boolean network = false;
        for (String key : keys) {
            Object was = before.get(key);
            Object now = after.get(key);
            if (Objects.equals(was, now)) {
                continue;
            }
            switch (key) {
                case "image" -> reasons.add(new Reason(Reason.Kind.IMAGE, "its image changes: " + was + " → " + now));
                case "ports" -> reasons.add(new Reason(Reason.Kind.PORTS, "its published ports change: "
                        + listChange(was, now)));
                case "environment" -> reasons.add(new Reason(Reason.Kind.ENVIRONMENT, "its environment changes: "
                        + mapChange(was, now)));
                case "volumes" -> reasons.add(new Reason(Reason.Kind.MOUNTS, "its mounted folders change: "
                        + listChange(mounts(was), mounts(now))));
                case "network_mode", "networks" -> network = true;
                case "devices" -> reasons.add(new Reason(Reason.Kind.DEVICES, "its devices change: " + listChange(was, now)));
                case "secrets" -> reasons.add(new Reason(Reason.Kind.SECRETS, "the secrets it reads change: " + listChange(was, now)));
                case "healthcheck" -> reasons.add(new Reason(Reason.Kind.HEALTHCHECK, "its health check changes"));
                case "labels" -> reasons.add(new Reason(Reason.Kind.LABELS, "its labels change: " + mapChange(was, now)));
                default -> reasons.add(new Reason(Reason.Kind.OTHER, "its " + key + " setting changes"));
            }
        }
        if (network) {
            reasons.add(new Reason(Reason.Kind.NETWORK, networkChange(before.get("network_mode"), after.get("network_mode"))));
        }
        return reasons;
    }

    private static String networkChange(Object was, Object now) {
        boolean vpnBefore = was instanceof String s && s.startsWith("service:");
        boolean vpnAfter = now instanceof String s && s.startsWith("service:");
        if (!vpnBefore && vpnAfter) {
            return "it now goes out through the VPN (" + now + ")";
        }
        if (vpnBefore && !vpnAfter) {
            return "it no longer goes out through the VPN (" + was + ")";
        }
        return "its network changes" + (was == null && now == null ? "" : ": " + was + " → " + now);
    }

    private static String listChange(Object was, Object now) {
        List<String> a = strings(was);
        List<String> b = strings(now);
        List<String> removed = a.stream().filter(x -> !b.contains(x)).toList();
        List<String> added = b.stream().filter(x -> !a.contains(x)).toList();
        if (removed.isEmpty() && added.isEmpty()) {
            return "their order";
        }
        String r = String.join(", ", removed);
        String n = String.join(", ", added);
        return removed.isEmpty() ? "adds " + n : added.isEmpty() ? "drops " + r : r + " → " + n;
    }

    /** Names only: environment values may be private (an e-mail address, a VPN server). */
    private static String mapChange(Object was, Object now) {
        Map<?, ?> a = was instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> b = now instanceof Map<?, ?> m ? m : Map.of();
        Set<String> names = new TreeSet<>();
        a.forEach((k, v) -> {
            if (!Objects.equals(v, b.get(k))) {
                names.add(String.valueOf(k));
            }
        });
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(k -> names.add(String.valueOf(k)));
        return String.join(", ", names);
    }

    /** Long-form volumes as "source:target", as a person reads them. */
    private static List<String> mounts(Object volumes) {
        List<String> out = new ArrayList<>();
        if (volumes instanceof List<?> l) {
            for (Object v : l) {
                out.add(v instanceof Map<?, ?> m ? m.get("source") + ":" + m.get("target")
                        + (Boolean.TRUE.equals(m.get("read_only")) ? ":ro" : "") : String.valueOf(v));
            }
        }
        return out;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /** The services of one compose.yaml as plain maps, and what the comparison asks of them. */
    public record ComposeServices(Map<String, Map<String, Object>> services, Map<String, String> secretFiles) {
        public static final ComposeServices NONE = new ComposeServices(Map.of(), Map.of());

        public ComposeServices {
            services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
            secretFiles = Map.copyOf(secretFiles);
        }

        /** Reads a compose.yaml; a file that is not one (a person's own, unreadable) gives no services. */
        @SuppressWarnings("unchecked")
        public static ComposeServices parse(byte[] composeYaml) {
            Object doc;
            try {
                doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(composeYaml, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                return NONE;
            }
            if (!(doc instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?> svcs)) {
                return NONE;
            }
            Map<String, Map<String, Object>> services = new LinkedHashMap<>();
            svcs.forEach((k, v) -> services.put(String.valueOf(k), v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of()));
            Map<String, String> secrets = new LinkedHashMap<>();
            if (top.get("secrets") instanceof Map<?, ?> s) {
                s.forEach((k, v) -> {
                    if (v instanceof Map<?, ?> m && m.get("file") instanceof String f) {
                        secrets.put(String.valueOf(k), relative(f));
                    }
                });
            }
            return new ComposeServices(services, secrets);
        }

        public Set<String> names() {
            return services.keySet();
        }

        Map<String, Object> service(String name) {
            return services.get(name);
        }

        /** The services it waits for or shares a network with: what Compose v2 recreates it after. */
        Set<String> dependencies(String name) {
            Set<String> deps = new LinkedHashSet<>();
            Map<String, Object> s = services.getOrDefault(name, Map.of());
            if (s.get(DEPENDS_ON) instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> deps.add(String.valueOf(k)));
            } else if (s.get(DEPENDS_ON) instanceof List<?> l) {
                l.forEach(k -> deps.add(String.valueOf(k)));
            }
            if (s.get("network_mode") instanceof String mode && mode.startsWith("service:")) {
                deps.add(mode.substring("service:".length()));
            }
            return deps;
        }

        /** Which of the changed stack files (relative paths) the service mounts: bind mounts under the stack folder, and its secrets. */
        List<String> mountedFiles(String name, Set<String> changed) {
            Map<String, Object> s = services.getOrDefault(name, Map.of());
            List<String> sources = new ArrayList<>();
            if (s.get("volumes") instanceof List<?> l) {
                for (Object v : l) {
                    if (v instanceof Map<?, ?> m && m.get("source") instanceof String src && src.startsWith("./")) {
                        sources.add(relative(src));
                    }
                }
            }
            if (s.get("secrets") instanceof List<?> l) {
                for (Object v : l) {
                    String file = secretFiles.get(v instanceof Map<?, ?> m ? String.valueOf(m.get("source")) : String.valueOf(v));
                    if (file != null) {
                        sources.add(file);
                    }
                }
            }
            return changed.stream().filter(f -> sources.stream().anyMatch(src -> f.equals(src) || f.startsWith(src + "/"))).toList();
        }

        /** The folders under the app folder root that a service mounted: where its settings stay. */
        List<String> settings(String name, Optional<String> configRoot) {
            Map<String, Object> s = services.getOrDefault(name, Map.of());
            if (configRoot.isEmpty() || !(s.get("volumes") instanceof List<?> l)) {
                return List.of();
            }
            String prefix = configRoot.get().endsWith("/") ? configRoot.get() : configRoot.get() + "/";
            Set<String> out = new LinkedHashSet<>();
            for (Object v : l) {
                if (v instanceof Map<?, ?> m && m.get("source") instanceof String src && src.startsWith(prefix)
                        && !Boolean.TRUE.equals(m.get("read_only"))) {
                    String rest = src.substring(prefix.length());
                    int slash = rest.indexOf('/');
                    out.add(prefix + (slash < 0 ? rest : rest.substring(0, slash)));
                }
            }
            return List.copyOf(out);
        }

        private static String relative(String source) {
            return source.startsWith("./") ? source.substring(2) : source;
        }
    }
}

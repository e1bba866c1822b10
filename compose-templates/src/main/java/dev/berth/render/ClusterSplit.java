package dev.berth.render;

import dev.berth.answers.Answers;
import dev.berth.answers.HostAnswers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.plan.HostAssignment;
import dev.berth.plan.HostLayout;
import dev.berth.plan.Mount;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Splits a whole rendered stack into one {@link HostShare} per host (issue 17). The stack is
 * planned and rendered once, as for one host, so secrets, ports and every config file are the
 * same as there; the split only decides which host gets what:
 *
 * <ul>
 * <li>compose.yaml: the whole document filtered to the host's services (so a service reads the
 * same on every host and every Compose dialect the whole render chose stays), its network
 * {@code berth} declared external as the swarm's overlay network, {@code depends_on} on a service
 * of another host dropped (Compose refuses an unknown service; the cluster deploy runs the hosts
 * in order instead), and the media of a service away from the storage host mounted through an
 * NFS volume from that host;</li>
 * <li>a config file goes to the hosts whose services mount it; berth.yaml, .env, the pins and
 * {@value HostLayoutFile#PATH} to every host;</li>
 * <li>secrets: the manager keeps all of them (the next run reads them back from it), another host
 * only those its services mount.</li>
 * </ul>
 */
public final class ClusterSplit {
    /** The named volume a service away from the storage host mounts the media through. */
    public static final String NFS_MEDIA_VOLUME = "media-nfs";

    /** The overlay network every host's Compose project joins: created by Berth on the swarm, attachable. */
    public static String overlayNetwork(String projectName) {
        return projectName + "-overlay";
    }

    /**
     * One share per host of {@code layout.hosts()}, in that order (a host with no service still gets one).
     *
     * @throws InvalidAnswersException when the answers ask for what a split stack cannot do yet (backups),
     *                                 or the storage host has no address to mount the media from
     * @throws IllegalArgumentException when the layout leaves a service out or breaks the data-tree rule
     */
    public List<HostShare> split(PlannedStack whole, HostLayout layout) {
        refuseBackups(whole.plan());
        for (PlannedService s : whole.plan().services()) {
            String host = layout.hostOf(s.name());
            if (!layout.hosts().contains(host)) {
                throw new IllegalArgumentException("The layout puts " + s.name() + " on " + host + ", which is not one of " + layout.hosts());
            }
        }
        // Links (Homepage's tiles, the printed and reported addresses) point at each service's own host.
        StackPlan plan = whole.plan().withServiceAddresses(serviceAddresses(whole.plan().answers(), layout));
        whole = withLinks(whole, plan);
        Map<String, Object> compose = parseCompose(whole.rendered().text("compose.yaml"));
        List<HostShare> shares = new ArrayList<>();
        for (String host : layout.hosts()) {
            List<PlannedService> services = hostServices(plan, layout, host);
            StackPlan hostPlan = hostPlan(plan, layout, host, services);
            shares.add(new HostShare(host, hostPlan, files(whole, layout, host, hostPlan, compose)));
        }
        return List.copyOf(shares);
    }

    /** Each service → the address a browser reaches its host at: the host's {@code address:}, its SSH host, or this computer. */
    private static Map<String, String> serviceAddresses(Answers answers, HostLayout layout) {
        Map<String, String> addresses = new LinkedHashMap<>();
        layout.services().forEach((service, a) -> addresses.put(service, reachableAt(answers, a.host()).orElse("localhost")));
        return addresses;
    }

    /** The whole stack with the files that link to the apps rendered again from the plan that knows each service's host. */
    private static PlannedStack withLinks(PlannedStack whole, StackPlan plan) {
        Map<String, RenderedFile> files = new LinkedHashMap<>(whole.rendered().files());
        files.computeIfPresent(Renderer.HOMEPAGE_SERVICES, (path, old) -> RenderedFile.text(HomepageConfig.render(plan)));
        return new PlannedStack(plan, new RenderedStack(files));
    }

    /**
     * What the person must do by hand for the split to work, when any service mounts the media over
     * NFS: export the data root from the storage host to the hosts that mount it.
     */
    public static Optional<String> nfsExportNote(StackPlan plan, HostLayout layout) {
        Map<String, List<String>> mounting = new TreeMap<>();
        for (PlannedService s : plan.services()) {
            String host = layout.hostOf(s.name());
            if (!host.equals(layout.storageHost()) && !runsInSwarm(layout, s) && !dataMounts(plan, s).isEmpty()) {
                mounting.computeIfAbsent(host, h -> new ArrayList<>()).add(s.name());
            }
        }
        if (mounting.isEmpty()) {
            return Optional.empty();
        }
        String dataRoot = plan.answers().storage().dataRoot();
        List<String> who = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        mounting.forEach((host, names) -> {
            who.add(String.join(", ", names) + " on " + host);
            lines.add(dataRoot + " " + reachableAt(plan.answers(), host).orElse(host) + "(rw,no_subtree_check)");
        });
        return Optional.of("Export " + dataRoot + " from " + layout.storageHost() + " over NFS (version 4, read-write): "
                + String.join("; ", who) + " mount" + (who.size() == 1 && mounting.values().iterator().next().size() == 1 ? "s " : " ")
                + dataRoot + "/media from there. On " + layout.storageHost() + ", add to /etc/exports: " + String.join(", ", lines)
                + " and run exportfs -ra.");
    }

    private static void refuseBackups(StackPlan plan) {
        if (plan.backup().isPresent()) {
            // A backup on one host would miss the config folders on the others while saying it saved the stack.
            throw new InvalidAnswersException(List.of(new Problem("backup.enabled",
                    "backups of a stack on several hosts are not supported yet: each host keeps its own apps' settings, and one "
                            + "backup would miss the others'. Set backup.enabled to false (or leave hosts out to run the stack on one machine)",
                    SplitRule.BACKUP_WITH_HOSTS)));
        }
    }

    /** The host's services as its compose.yaml runs them: other hosts' dependencies dropped, the media over NFS away from the data. */
    private static List<PlannedService> hostServices(StackPlan plan, HostLayout layout, String host) {
        List<PlannedService> out = new ArrayList<>();
        for (PlannedService s : plan.services()) {
            if (!layout.hostOf(s.name()).equals(host) || runsInSwarm(layout, s)) {
                continue;
            }
            var dependsOn = new java.util.TreeMap<String, String>();
            s.dependsOn().forEach((name, condition) -> {
                if (layout.hostOf(name).equals(host)) {
                    dependsOn.put(name, condition);
                }
            });
            List<Mount> mounts = s.mounts();
            if (!host.equals(layout.storageHost())) {
                mounts = mountsAwayFromData(plan, layout, s);
            }
            out.add(new PlannedService(s.name(), s.definition(), s.placement(), s.ports(), mounts, s.environment(), s.secrets(),
                    dependsOn, s.user(), s.command(), s.extraHosts(), s.devices(), s.labels(), s.webPort(), s.hostWebPort(),
                    s.healthcheck(), s.exportedApp()));
        }
        return out;
    }

    /** Swarm schedules these from the manager's swarm/stack.yaml: they leave their host's compose.yaml. */
    private static boolean runsInSwarm(HostLayout layout, PlannedService s) {
        return layout.assignment(s.name()).map(HostAssignment::swarm).orElse(false);
    }

    private static List<Mount> mountsAwayFromData(StackPlan plan, HostLayout layout, PlannedService s) {
        String media = plan.answers().storage().dataRoot() + "/media";
        List<Mount> data = dataMounts(plan, s);
        for (Mount m : data) {
            if (!m.source().equals(media)) {
                throw new IllegalArgumentException(s.name() + " mounts " + m.source() + " of the data tree, so it must run on the storage host "
                        + layout.storageHost() + " (hardlinks need one file system), not on " + layout.hostOf(s.name()));
            }
        }
        return s.mounts().stream().map(m -> data.contains(m) ? new Mount(Mount.Type.VOLUME, NFS_MEDIA_VOLUME, m.target(), m.readOnly()) : m)
                .toList();
    }

    /** The service's bind mounts of the data root or a folder in it. */
    private static List<Mount> dataMounts(StackPlan plan, PlannedService s) {
        String dataRoot = plan.answers().storage().dataRoot();
        return s.mounts().stream().filter(m -> m.type() == Mount.Type.BIND
                && (m.source().equals(dataRoot) || m.source().startsWith(dataRoot + "/"))).toList();
    }

    private static StackPlan hostPlan(StackPlan plan, HostLayout layout, String host, List<PlannedService> services) {
        Set<String> names = new LinkedHashSet<>();
        services.forEach(s -> names.add(s.name()));
        Set<String> named = new TreeSet<>();
        services.forEach(s -> s.mounts().stream().filter(m -> m.type() == Mount.Type.VOLUME).forEach(m -> named.add(m.source())));
        // The data tree is made only where it lives; the other hosts reach the media over NFS.
        List<String> dataDirectories = host.equals(layout.storageHost()) ? plan.dataDirectories() : List.of();
        return new StackPlan(plan.answers(), services,
                plan.additions().stream().filter(a -> names.contains(a.service())).toList(),
                plan.suggestions(),
                plan.portMoves().stream().filter(m -> names.contains(m.service())).toList(),
                plan.secrets(), dataDirectories, List.copyOf(named), plan.pins(), plan.serviceAddresses());
    }

    private static RenderedStack files(PlannedStack whole, HostLayout layout, String host, StackPlan hostPlan, Map<String, Object> compose) {
        StackPlan plan = whole.plan();
        boolean manager = host.equals(layout.manager());
        Set<String> mountedSecrets = new TreeSet<>();
        hostPlan.services().forEach(s -> mountedSecrets.addAll(s.secrets()));
        Map<String, RenderedFile> out = new LinkedHashMap<>();
        for (Map.Entry<String, RenderedFile> e : whole.rendered().files().entrySet()) {
            String path = e.getKey();
            if (path.equals("compose.yaml")) {
                out.put(path, RenderedFile.text(hostCompose(plan, layout, host, hostPlan, compose)));
            } else if (path.startsWith("secrets/")) {
                if (manager || mountedSecrets.contains(path.substring("secrets/".length()))) {
                    out.put(path, e.getValue());
                }
            } else if (path.startsWith("config/")) {
                if (mountingHosts(plan, layout, path).map(hosts -> hosts.contains(host)).orElse(manager)) {
                    out.put(path, e.getValue());
                }
            } else {
                out.put(path, e.getValue()); // berth.yaml, .env, berth-pins.yaml: the stack's own, on every host
            }
        }
        out.put(HostLayoutFile.PATH, RenderedFile.text(HostLayoutFile.render(plan.answers(), layout, nfsExportNote(plan, layout))));
        return new RenderedStack(out);
    }

    /**
     * The hosts whose services bind-mount {@code path} (a file under the stack folder's config/), or
     * empty when no service mounts it.
     */
    private static Optional<Set<String>> mountingHosts(StackPlan plan, HostLayout layout, String path) {
        Set<String> hosts = new TreeSet<>();
        for (PlannedService s : plan.services()) {
            for (Mount m : s.mounts()) {
                if (m.type() == Mount.Type.BIND && m.source().startsWith("./")) {
                    String mounted = m.source().substring(2);
                    if (path.equals(mounted) || path.startsWith(mounted.endsWith("/") ? mounted : mounted + "/")) {
                        hosts.add(layout.hostOf(s.name()));
                    }
                }
            }
        }
        return hosts.isEmpty() ? Optional.empty() : Optional.of(hosts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseCompose(String text) {
        return (Map<String, Object>) new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    /**
     * The whole compose.yaml, filtered: each kept service exactly as the whole render wrote it
     * (already escaped), but for the dependencies and media mounts {@link #hostServices} changed.
     */
    @SuppressWarnings("unchecked")
    private static String hostCompose(StackPlan plan, HostLayout layout, String host, StackPlan hostPlan, Map<String, Object> compose) {
        Map<String, Object> wholeServices = (Map<String, Object>) compose.get("services");
        Map<String, Object> services = new LinkedHashMap<>();
        for (PlannedService s : hostPlan.services()) {
            Map<String, Object> service = new LinkedHashMap<>((Map<String, Object>) wholeServices.get(s.name()));
            if (service.get("depends_on") instanceof Map<?, ?> deps) {
                Map<String, Object> kept = new LinkedHashMap<>();
                ((Map<String, Object>) deps).forEach((name, condition) -> {
                    if (s.dependsOn().containsKey(name)) {
                        kept.put(name, condition);
                    }
                });
                if (kept.isEmpty()) {
                    service.remove("depends_on");
                } else {
                    service.put("depends_on", kept);
                }
            }
            if (service.get("volumes") instanceof List<?> volumes) {
                List<Object> replaced = new ArrayList<>();
                for (int i = 0; i < volumes.size(); i++) {
                    Mount m = s.mounts().get(i);
                    Map<String, Object> volume = new LinkedHashMap<>((Map<String, Object>) volumes.get(i));
                    if (m.type() == Mount.Type.VOLUME && m.source().equals(NFS_MEDIA_VOLUME)) {
                        volume.put("type", "volume");
                        volume.put("source", NFS_MEDIA_VOLUME);
                    }
                    replaced.add(volume);
                }
                service.put("volumes", replaced);
            }
            services.put(s.name(), service);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("services", services);
        // The same key on every host, so services keep networks: [berth] and find each other by name across hosts.
        root.put("networks", Map.of(StackPlan.NETWORK, Yaml.map("external", true, "name", overlayNetwork(plan.projectName()))));
        if (!hostPlan.namedVolumes().isEmpty()) {
            Map<String, Object> volumes = new LinkedHashMap<>();
            for (String v : hostPlan.namedVolumes()) {
                volumes.put(v, v.equals(NFS_MEDIA_VOLUME) ? nfsVolume(plan, layout) : new LinkedHashMap<>());
            }
            root.put("volumes", volumes);
        }
        if (compose.get("secrets") instanceof Map<?, ?> secrets) {
            Map<String, Object> kept = new LinkedHashMap<>();
            Set<String> mounted = new TreeSet<>();
            hostPlan.services().forEach(s -> mounted.addAll(s.secrets()));
            ((Map<String, Object>) secrets).forEach((name, secret) -> {
                if (mounted.contains(name)) {
                    kept.put(name, secret);
                }
            });
            if (!kept.isEmpty()) {
                root.put("secrets", kept);
            }
        }
        return ComposeFile.HEADER + Yaml.dump(root);
    }

    /**
     * Docker's local driver mounting an NFS export (Docker's documented form: type nfs, o with the
     * server's addr, device ":path"); soft, so a lost storage host fails reads instead of hanging the app.
     */
    private static Map<String, Object> nfsVolume(StackPlan plan, HostLayout layout) {
        String address = reachableAt(plan.answers(), layout.storageHost()).orElseThrow(() -> new InvalidAnswersException(List.of(
                new Problem(hostField(plan.answers(), layout.storageHost()) + ".address",
                        "give the address the other hosts reach " + layout.storageHost() + " at: it holds the media, which other hosts mount over NFS",
                        SplitRule.STORAGE_HOST_ADDRESS))));
        String media = plan.answers().storage().dataRoot() + "/media";
        return Yaml.map("driver", "local", "driver_opts", Yaml.map(
                "type", "nfs",
                "o", ComposeEscaper.escape("addr=" + address + ",rw,nfsvers=4,soft"),
                "device", ComposeEscaper.escape(":" + media)));
    }

    private static Optional<String> reachableAt(Answers answers, String host) {
        return answers.hosts().stream().filter(h -> h.name().equals(host)).findFirst().flatMap(HostAnswers::reachableAt);
    }

    private static String hostField(Answers answers, String host) {
        for (int i = 0; i < answers.hosts().size(); i++) {
            if (answers.hosts().get(i).name().equals(host)) {
                return "hosts[" + i + "]";
            }
        }
        return "hosts";
    }
}

package dev.berth.plan;

import dev.berth.answers.Answers;
import dev.berth.answers.HostAnswers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.catalog.VolumeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proposes a host for every service of a multi-host plan (issue 17): hard rules first (Gluetun and
 * the apps it routes together; the data tree's users on one file system; a transcoding media server
 * on a host with {@code /dev/dri}; the catalog's {@code placement} section), the person's pins, the
 * previous layout kept where it still holds, then a score: free memory 40 %, free storage 30 %,
 * CPU 15 %, load 10 %, uptime 5 %. Services that must share a host are placed as one group.
 */
public final class HostPlacer {
    static final double MEMORY = 0.40;
    static final double STORAGE = 0.30;
    static final double CPU = 0.15;
    static final double LOAD = 0.10;
    static final double UPTIME = 0.05;

    private static final long MIB = 1024L * 1024;

    /**
     * @param plan      the whole stack's plan (every service, as for one host)
     * @param resources host name → what it has, for every host of {@code plan.answers().hosts()}
     * @param previous  the layout the stack was deployed with, kept where the rules still allow
     * @throws dev.berth.answers.InvalidAnswersException when a pin breaks a hard rule or names a service
     *         the stack lacks, or transcoding is asked and no host has {@code /dev/dri}
     */
    public HostLayout place(StackPlan plan, Map<String, HostResources> resources, Optional<HostLayout> previous) {
        return new Placing(plan, resources, previous).place();
    }

    /** Services that must run on one host, and why. */
    private static final class Group {
        final List<PlannedService> members = new ArrayList<>();
        /** service → the sentences that tie it to the group (its own hard rules), deciding first. */
        final Map<String, List<String>> ties = new HashMap<>();
        Set<String> allowed;
        String pinnedBy;
        String host;
        /** Why the group is on its host, for members the pin or a rule of their own did not put there. */
        String decision;

        long ramBytes() {
            return members.stream().mapToLong(s -> s.definition().ramMb() * MIB).sum();
        }

        String bond() {
            return members.stream().map(s -> ties.getOrDefault(s.name(), List.of())).filter(l -> !l.isEmpty())
                    .map(List::getFirst).findFirst().orElse("they must share a host");
        }
    }

    /** One placement: the plan's services grouped, then each group given a host. */
    private static final class Placing {
        private final StackPlan plan;
        private final Answers answers;
        private final Map<String, HostResources> resources;
        private final Optional<HostLayout> previous;
        private final List<String> hosts;
        private final Map<String, String> parent = new HashMap<>();
        private final Map<String, List<String>> ties = new HashMap<>();
        private final Map<String, Long> usedBytes = new HashMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private final String dataRoot;
        /** service name → its group. */
        private Map<String, Group> groups;

        Placing(StackPlan plan, Map<String, HostResources> resources, Optional<HostLayout> previous) {
            this.plan = plan;
            this.answers = plan.answers();
            this.resources = resources;
            this.previous = previous;
            this.hosts = answers.hosts().stream().map(HostAnswers::name).toList();
            this.dataRoot = answers.storage().dataRoot();
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("The answers name no hosts: a single target is not placed");
            }
            for (String host : hosts) {
                if (!resources.containsKey(host)) {
                    throw new IllegalArgumentException("No resources for host " + host + "; read: " + resources.keySet());
                }
                usedBytes.put(host, 0L);
            }
        }

        HostLayout place() {
            for (PlannedService s : plan.services()) {
                parent.put(s.name(), s.name());
            }
            tieRoutedAppsToTheGateway();
            tieCatalogCompanions();
            List<PlannedService> dataUsers = plan.services().stream().filter(s -> !dataTreeKinds(s).isEmpty()).toList();
            for (PlannedService s : dataUsers) {
                union(s.name(), dataUsers.getFirst().name());
                tie(s.name(), "mounts the " + describe(dataTreeKinds(s)) + " from the data root (" + dataRoot + ")"
                        + (hardlinks(s) ? ", and hardlinks need one file system" : "") + ": on the host that holds it");
            }
            groups = groups();
            Group storageGroup = dataUsers.isEmpty() ? null : groups.get(find(dataUsers.getFirst().name()));
            for (Group g : new LinkedHashSet<>(groups.values())) {
                g.allowed = new LinkedHashSet<>(hosts);
                List<PlannedService> gpu = g.members.stream().filter(Placing::usesRenderDevice).toList();
                if (!gpu.isEmpty()) {
                    g.allowed.removeIf(h -> !resources.get(h).hasRenderDevice());
                    if (g.allowed.isEmpty()) {
                        problems.add(new Problem("storage.hardwareTranscoding", gpu.getFirst().displayName() + " transcodes with the GPU"
                                + " (/dev/dri), and none of the hosts " + hosts + " has /dev/dri" + (g == storageGroup
                                ? " where it may run (it must run beside the data)" : "") + ": turn hardware transcoding off,"
                                + " or add a host with a GPU under 'hosts:'", PlacementRule.NO_RENDER_DEVICE));
                    }
                }
            }
            applyPins();
            String storageHost = storageHost(storageGroup);
            if (!problems.isEmpty()) {
                throw new InvalidAnswersException(problems);
            }
            List<Group> ordered = new ArrayList<>(new LinkedHashSet<>(groups.values()));
            if (storageGroup != null && storageGroup.host == null) {
                storageGroup.host = storageHost;
            }
            for (Group g : ordered) {
                if (g.host != null) {
                    use(g);
                }
            }
            for (Group g : ordered) {
                if (g.host == null) {
                    keepPreviousOrScore(g);
                    use(g);
                }
            }
            return new HostLayout(hosts, assignments(storageHost), storageHost);
        }

        private void tieRoutedAppsToTheGateway() {
            Optional<PlannedService> gateway = plan.services().stream().filter(s -> s.definition().vpnGateway() != null).findFirst();
            gateway.ifPresent(g -> plan.services().stream().filter(s -> s.placement() == Placement.VPN).forEach(s -> {
                union(s.name(), g.name());
                tie(s.name(), "runs in " + g.displayName() + "'s network (its traffic goes through the VPN), so on "
                        + g.displayName() + "'s host");
            }));
        }

        private void tieCatalogCompanions() {
            for (PlannedService s : plan.services()) {
                List<String> present = s.definition().placement().with().stream().filter(plan::has).toList();
                for (String other : present) {
                    union(s.name(), other);
                }
                if (!present.isEmpty()) {
                    tie(s.name(), "goes with " + String.join(" and ", present.stream()
                            .map(id -> plan.service(id).orElseThrow().displayName()).toList()) + ": " + s.definition().placement().reason());
                }
            }
        }

        private Map<String, Group> groups() {
            Map<String, Group> byRoot = new LinkedHashMap<>();
            Map<String, Group> byService = new LinkedHashMap<>();
            for (PlannedService s : plan.services()) {
                Group g = byRoot.computeIfAbsent(find(s.name()), r -> new Group());
                g.members.add(s);
                g.ties.put(s.name(), ties.getOrDefault(s.name(), List.of()));
                byService.put(s.name(), g);
            }
            return byService;
        }

        /** Pins win over everything but the hard rules; a pin against one is the answers' problem, on the pin. */
        private void applyPins() {
            answers.placement().pins().forEach((service, host) -> {
                String field = "placement.pins." + service;
                Group g = groups.get(service);
                if (g == null) {
                    problems.add(new Problem(field, service + " is pinned to " + host + ", and the stack has no " + service
                            + ": choose it on the Apps screen, or remove the pin", PlacementRule.PIN_NOT_IN_STACK));
                    return;
                }
                if (!hosts.contains(host)) {
                    return; // the answers' own rules say so
                }
                if (!g.allowed.contains(host)) {
                    PlannedService gpu = g.members.stream().filter(Placing::usesRenderDevice).findFirst().orElseThrow();
                    problems.add(new Problem(field, service + " is pinned to " + host + ", and " + (gpu.name().equals(service) ? "it"
                            : gpu.displayName() + ", which must share its host,") + " transcodes with the GPU (/dev/dri), which " + host + " lacks: pin it to "
                            + String.join(" or ", g.allowed) + ", or remove the pin", PlacementRule.PIN_BREAKS_RULE));
                    return;
                }
                if (g.pinnedBy != null && !g.host.equals(host)) {
                    problems.add(new Problem(field, service + " is pinned to " + host + " and " + g.pinnedBy + " to " + g.host
                            + ", and they must share a host (" + g.bond() + "): pin both to one host, or remove one pin",
                            PlacementRule.PINS_DISAGREE));
                    return;
                }
                if (g.pinnedBy == null) {
                    g.pinnedBy = service;
                    g.host = host;
                    g.decision = "goes with " + plan.service(service).orElseThrow().displayName() + ", which is pinned to " + host;
                }
            });
        }

        /**
         * The host of a pinned data-tree user, else the previous storage host, else the most free storage
         * (among the hosts the data's users may run on).
         */
        private String storageHost(Group storageGroup) {
            Set<String> candidates = storageGroup == null ? new LinkedHashSet<>(hosts) : storageGroup.allowed;
            if (storageGroup != null && storageGroup.host != null) {
                return storageGroup.host;
            }
            if (candidates.isEmpty()) {
                return hosts.getFirst(); // a problem is already reported
            }
            Optional<String> before = previous.map(HostLayout::storageHost).filter(candidates::contains);
            String host = before.orElseGet(() -> candidates.stream()
                    .reduce((a, b) -> resources.get(b).storageFreeBytes() > resources.get(a).storageFreeBytes() ? b : a).orElseThrow());
            if (storageGroup != null) {
                storageGroup.decision = host + " holds the data root: " + (before.isPresent()
                        ? "it did at the last deploy, and the data stays where it is"
                        : "it has the most free storage, " + bytes(resources.get(host).storageFreeBytes()) + " free for " + dataRoot);
            }
            return host;
        }

        /** Where the group's services ran before, if the rules still allow it there; else the best score. */
        private void keepPreviousOrScore(Group g) {
            Optional<String> before = previous.flatMap(p -> g.members.stream().map(s -> p.assignment(s.name()))
                    .flatMap(Optional::stream).map(HostAssignment::host).filter(g.allowed::contains).findFirst());
            if (before.isPresent()) {
                g.host = before.get();
                g.decision = "already runs on " + g.host + ": kept there, so a re-run does not move a running service";
                return;
            }
            long need = g.ramBytes();
            List<String> candidates = List.copyOf(g.allowed);
            String best = null;
            double bestScore = -1;
            for (String h : candidates) {
                double score = score(h, candidates, need);
                if (score > bestScore) {
                    best = h;
                    bestScore = score;
                }
            }
            g.host = best;
            g.decision = (candidates.size() == 1 ? "the only host it may run on: " : "scored best: ") + figures(best, need);
        }

        /** Free memory 40 %, free storage 30 %, CPU 15 %, load 10 %, uptime 5 %, each against the best of the candidates. */
        private double score(String h, List<String> candidates, long need) {
            double memory = share(h, candidates, x -> Math.max(0, freeMemory(x) - need));
            double storage = share(h, candidates, x -> resources.get(x).storageFreeBytes());
            double cpu = share(h, candidates, x -> resources.get(x).cores());
            double maxLoad = candidates.stream().mapToDouble(x -> resources.get(x).load1()).max().orElse(0);
            double load = maxLoad <= 0 ? 1 : 1 - resources.get(h).load1() / maxLoad;
            double uptime = share(h, candidates, x -> resources.get(x).uptimeSeconds());
            return MEMORY * memory + STORAGE * storage + CPU * cpu + LOAD * load + UPTIME * uptime;
        }

        private static double share(String h, List<String> candidates, java.util.function.ToDoubleFunction<String> value) {
            double max = candidates.stream().mapToDouble(value).max().orElse(0);
            return max <= 0 ? 0 : Math.max(0, value.applyAsDouble(h)) / max;
        }

        private long freeMemory(String h) {
            return resources.get(h).memoryAvailableBytes() - usedBytes.get(h);
        }

        private void use(Group g) {
            usedBytes.merge(g.host, g.ramBytes(), Long::sum);
        }

        /**
         * "5.2 GB memory free, 1.8 TB free for /srv/data, 4 cores, load 0.3, up 12 days": the memory left
         * once what is placed there and the group itself ({@code need}) run, as the score counted it.
         */
        private String figures(String h, long need) {
            HostResources r = resources.get(h);
            return bytes(Math.max(0, freeMemory(h) - need)) + " memory free, " + bytes(r.storageFreeBytes()) + " free for " + dataRoot
                    + ", " + r.cores() + (r.cores() == 1 ? " core" : " cores") + ", load " + String.format(Locale.ROOT, "%.1f", r.load1())
                    + ", up " + uptime(r.uptimeSeconds());
        }

        private Map<String, HostAssignment> assignments(String storageHost) {
            Map<String, HostAssignment> out = new LinkedHashMap<>();
            for (PlannedService s : plan.services()) {
                Group g = groups.get(s.name());
                String host = g.host;
                List<String> reasons = new ArrayList<>();
                boolean pinned = answers.placement().pins().containsKey(s.name());
                if (pinned) {
                    reasons.add("pinned to " + host + " (placement.pins)");
                }
                reasons.addAll(g.ties.get(s.name()));
                if (usesRenderDevice(s)) {
                    reasons.add("transcodes with the GPU (/dev/dri), which " + host + " has");
                }
                if (s.definition().placement().mediaOverNfs() && !host.equals(storageHost)) {
                    reasons.add("reaches the media over NFS from " + storageHost + " (" + address(storageHost) + "): export "
                            + dataRoot + " over NFS to " + host);
                }
                // A pinned service's own pin says it all; the others say what put their group there.
                if (!pinned) {
                    reasons.add(g.decision);
                }
                boolean swarm = answers.placement().swarm().contains(s.name());
                if (swarm) {
                    reasons.add("Swarm schedules it (placement.swarm): it starts on " + host + " and moves to another host when "
                            + host + " is down");
                }
                HostAssignment made = new HostAssignment(s.name(), host, pinned, swarm, reasons);
                out.put(s.name(), unchangedSinceLastDeploy(made).orElse(made));
            }
            return out;
        }

        /**
         * The previous assignment when the service stays where it was, as it was: its reasons then
         * are still why it runs there, and keeping their words (figures such as free memory and
         * load change between runs) keeps berth-hosts.yaml as it is, so a re-run with nothing to
         * change changes nothing.
         */
        private Optional<HostAssignment> unchangedSinceLastDeploy(HostAssignment made) {
            return previous.flatMap(p -> p.assignment(made.service()))
                    .filter(before -> before.host().equals(made.host()) && before.pinned() == made.pinned()
                            && before.swarm() == made.swarm() && !before.reasons().isEmpty());
        }

        private String address(String host) {
            return answers.hosts().stream().filter(h -> h.name().equals(host)).findFirst()
                    .flatMap(HostAnswers::reachableAt).orElse(host);
        }

        private void tie(String service, String reason) {
            ties.computeIfAbsent(service, k -> new ArrayList<>()).add(reason);
        }

        private String find(String s) {
            String p = parent.get(s);
            if (p.equals(s)) {
                return s;
            }
            String root = find(p);
            parent.put(s, root);
            return root;
        }

        private void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                parent.put(rb, ra);
            }
        }

        /** The parts of the data tree the service mounts from the storage host (the media alone is left out when it may come over NFS). */
        private static Set<VolumeSpec.Kind> dataTreeKinds(PlannedService s) {
            Set<VolumeSpec.Kind> kinds = new TreeSet<>();
            for (VolumeSpec v : s.definition().volumes()) {
                switch (v.kind()) {
                    case DATA, TORRENTS, USENET, MEDIA -> kinds.add(v.kind());
                    default -> {
                    }
                }
            }
            if (kinds.equals(Set.of(VolumeSpec.Kind.MEDIA)) && s.definition().placement().mediaOverNfs()) {
                return Set.of();
            }
            return kinds;
        }

        /** Hardlinks join downloads and media: they matter for a service that mounts downloads. */
        private static boolean hardlinks(PlannedService s) {
            return !dataTreeKinds(s).equals(Set.of(VolumeSpec.Kind.MEDIA));
        }

        private static String describe(Set<VolumeSpec.Kind> kinds) {
            if (kinds.contains(VolumeSpec.Kind.DATA)) {
                return "whole data tree (downloads and media)";
            }
            List<String> parts = new ArrayList<>();
            if (kinds.contains(VolumeSpec.Kind.TORRENTS)) {
                parts.add("torrent downloads");
            }
            if (kinds.contains(VolumeSpec.Kind.USENET)) {
                parts.add("usenet downloads");
            }
            if (kinds.contains(VolumeSpec.Kind.MEDIA)) {
                parts.add("media library");
            }
            return String.join(" and ", parts);
        }

        private static boolean usesRenderDevice(PlannedService s) {
            return s.devices().stream().anyMatch(d -> d.startsWith("/dev/dri"));
        }
    }

    /** "5.2 GB", "1.8 TB", "512 MB": decimal units, as disks and most tools show them. */
    static String bytes(long b) {
        if (b >= 1_000_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f TB", b / 1e12);
        }
        if (b >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
        }
        return String.format(Locale.ROOT, "%d MB", b / 1_000_000);
    }

    static String uptime(long seconds) {
        long days = seconds / 86_400;
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = seconds / 3600;
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours") : seconds / 60 + " minutes";
    }
}

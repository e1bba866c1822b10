package dev.berth.engine.deploy;

import dev.berth.answers.Answers;
import dev.berth.catalog.ApiKey;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.check.HostResourcesReader;
import dev.berth.engine.cluster.ClusterHost;
import dev.berth.engine.cluster.SwarmFabric;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackLock;
import dev.berth.engine.stack.StackPaths;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.wire.WiringPlan;
import dev.berth.plan.HostLayout;
import dev.berth.plan.HostPlacer;
import dev.berth.plan.HostResources;
import dev.berth.plan.ImagePins;
import dev.berth.plan.PlannedService;
import dev.berth.plan.PreviousPorts;
import dev.berth.plan.StackPlan;
import dev.berth.render.ClusterSplit;
import dev.berth.render.ComposeDialect;
import dev.berth.render.DockerEngineVersion;
import dev.berth.render.HostLayoutFile;
import dev.berth.render.HostShare;
import dev.berth.render.PlannedStack;
import dev.berth.render.StackRendering;
import dev.berth.render.SwarmStackFile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The deploy of a stack placed across several hosts (issue 17): one preview per host from one
 * plan, the swarm and its overlay network first, then each host's jobs, under one undo, so a
 * failure on any host rolls every host back.
 *
 * <p>The preview validates once, reads every host's stack folder, Compose and resources side by
 * side, plans and renders the whole stack once (the previous secrets of every host, the manager's
 * winning; the lowest Compose dialect of the hosts, so every host's Compose reads its file), places
 * the services, splits the stack per host and previews each host's share as a single-host deploy
 * would ({@link StackDeployer#preview(HostShare, StackState, ComposeTool, Optional, WiringPlan, DeployOptions)}).
 *
 * <p>The deploy takes every host's stack lock (all or none), checks no host's folder changed since
 * the preview, then runs one {@link Deployment}: the {@link SwarmFabricJob}, then host by host
 * (manager first) that host's jobs, each in a {@link HostJob}. Each host's deploy log goes to its
 * own folder, as a single-host deploy writes it.
 */
public final class ClusterDeployer {
    private final List<ClusterHost> hosts;
    private final Catalog catalog;
    private final Clock clock;
    private final Map<String, StackDeployer> deployers = new LinkedHashMap<>();

    /** @param hosts every host of {@code answers.hosts()}, connected, in that order */
    public ClusterDeployer(List<ClusterHost> hosts, Catalog catalog, Clock clock) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a stack across hosts needs at least one host");
        }
        this.hosts = List.copyOf(hosts);
        this.catalog = catalog;
        this.clock = clock;
        for (ClusterHost host : this.hosts) {
            deployers.put(host.name(), new StackDeployer(host.target(), catalog, clock));
        }
    }

    /** What one host has now, read in the preview. */
    private record HostRead(StackState loaded, ComposeTool compose, ComposeDialect dialect, HostResources resources) {
    }

    /** Reads every host, places the services, renders once, splits, and previews each host; changes nothing. */
    public ClusterPreview preview(Answers answers, DeployOptions options) throws TargetException, StackState.ForeignStackException {
        StackRendering.Checked checked = deployers.get(manager().name()).resolveBackupScheduler(new StackRendering(catalog).check(answers));
        String dir = checked.answers().storage().stackDir();
        String dataRoot = checked.answers().storage().dataRoot();
        Map<String, HostRead> read = eachHost(host -> {
            StackState loaded = StackState.loadForRendering(host.target(), dir, options.adopt());
            if (host.equals(manager())) {
                loaded = loaded.withFiles(host.target(), List.of(HostLayoutFile.PATH));
            }
            ComposeTool compose = ComposeTool.detect(host.target());
            return new HostRead(loaded, compose, compose.dialectOn(host.target()),
                    new HostResourcesReader().read(host.target(), dataRoot));
        });

        Map<String, String> secrets = managerWins(read, s -> s.loaded().secrets());
        PreviousPorts ports = new PreviousPorts(managerWins(read, s -> s.loaded().previousPorts().hostPorts()));
        ImagePins pins = pins(read);
        PlannedStack whole = checked.render(secrets, ports, lowest(read.values().stream().map(HostRead::dialect).toList()), pins);

        Map<String, HostResources> resources = new LinkedHashMap<>();
        read.forEach((host, r) -> resources.put(host, r.resources()));
        Optional<HostLayout> deployedLayout = previousLayout(read.get(manager().name()).loaded(), manager().name());
        HostLayout layout = new HostPlacer().place(whole.plan(), resources, deployedLayout);
        List<HostShare> shares = new ClusterSplit().split(whole, layout);

        StackState managerBefore = read.get(manager().name()).loaded();
        Optional<StackPlan> previousPlan = managerBefore.answers()
                .flatMap(previous -> StackDeployer.previousPlan(checked.planner(), previous, secrets, ports, pins));
        WiringPlan wiring = WiringPlan.of(whole.plan(), secrets);
        Map<String, HostShare> byHost = new LinkedHashMap<>();
        shares.forEach(share -> byHost.put(share.host(), share));
        Map<String, DeployPreview> previews = eachHost(host -> {
            HostRead r = read.get(host.name());
            HostShare share = byHost.get(host.name());
            if (share == null) {
                throw new IllegalStateException("the split gave no share to host " + host.name() + "; shares: " + byHost.keySet());
            }
            return deployers.get(host.name()).preview(share, r.loaded(), r.compose(), previousPlan, wiring, options);
        });
        return new ClusterPreview(whole.plan(), layout, previews);
    }

    /**
     * Runs the preview under every host's lock; a failure anywhere undoes every host.
     *
     * @throws StackBusyException when another deploy holds a host's lock, or changed a host's folder since the preview;
     *                            nothing was changed on any host then
     */
    public ClusterOutcome deploy(ClusterPreview preview, Consumer<HostProgress> listener, BooleanSupplier cancelRequested)
            throws TargetException, StackBusyException {
        List<StackLock> locks = new ArrayList<>();
        try {
            for (ClusterHost host : hosts) {
                DeployPreview share = share(preview, host);
                locks.add(deployers.get(host.name()).lock(share.stackDir()));
            }
            for (ClusterHost host : hosts) {
                DeployPreview share = share(preview, host);
                if (!deployers.get(host.name()).unchanged(share.before())) {
                    throw StackBusyException.changedSincePreview(share.stackDir(), host.target().description());
                }
            }
            return run(preview, listener, cancelRequested);
        } finally {
            for (StackLock lock : locks.reversed()) {
                try {
                    lock.close();
                } catch (RuntimeException lostHost) {
                    // A host that went away took its lock with it (the lock dies with its process there).
                }
            }
        }
    }

    private ClusterOutcome run(ClusterPreview preview, Consumer<HostProgress> listener, BooleanSupplier cancelRequested) {
        List<Job> jobs = new ArrayList<>();
        List<ClusterHost> ordered = inLayoutOrder(preview.layout());
        boolean offline = share(preview, ordered.getFirst()).options().offline();
        jobs.add(new SwarmFabricJob(new SwarmFabric(ordered), preview.plan().projectName(), offline));
        Map<String, DeployLog> logs = new LinkedHashMap<>();
        Map<String, HostRun> runs = new LinkedHashMap<>();
        for (ClusterHost host : ordered) {
            DeployPreview share = share(preview, host);
            if (share.folderChoiceNeeded()) {
                throw new IllegalStateException(host.name() + ": " + share.folderChoiceMessage());
            }
            DeployLog log = deployers.get(host.name()).startLog(share);
            HostRun run = new HostRun(host.name(), host.target(), new JobOutcomes(), p -> {
                if (p instanceof DeployProgress.Step step) {
                    log.event(step.event());
                }
                listener.accept(new HostProgress(host.name(), p));
            });
            logs.put(host.name(), log);
            runs.put(host.name(), run);
            List<Job> hostJobs = host.equals(ordered.getFirst())
                    ? withSwarmStack(share.jobs(), preview.plan().projectName(), share.stackDir(), preview.layout())
                    : share.jobs();
            hostJobs.forEach(job -> jobs.add(new HostJob(run, job)));
        }
        Map<String, String> madeOn = madeSecrets(preview);
        if (!madeOn.isEmpty() && ordered.size() > 1) {
            List<ShareMadeSecretsJob.Place> places = new ArrayList<>();
            for (ClusterHost host : ordered) {
                DeployPreview share = share(preview, host);
                Set<String> mounted = new TreeSet<>();
                share.plan().services().forEach(s -> mounted.addAll(s.secrets()));
                places.add(new ShareMadeSecretsJob.Place(host.name(), host.target(), share.stackDir(), mounted,
                        deployers.get(host.name()).ownerOrNone(share.plan())));
            }
            jobs.add(new ShareMadeSecretsJob(places, madeOn));
        }
        // A host job's steps go to its host (its log, tagged progress); the swarm's own steps are the cluster's ("").
        Consumer<DeployProgress> steps = HostJob.routing(p -> listener.accept(new HostProgress("", p)));
        DeploymentResult result = new Deployment(jobs)
                .run(new JobContext(ordered.getFirst().target(), clock, cancelRequested, steps, new JobOutcomes()));
        Map<String, DeployOutcome> outcomes = new LinkedHashMap<>();
        for (ClusterHost host : ordered) {
            outcomes.put(host.name(), deployers.get(host.name())
                    .finish(share(preview, host), logs.get(host.name()), result, runs.get(host.name()).outcomes()));
        }
        return new ClusterOutcome(result, outcomes);
    }

    /**
     * The layout the stack was deployed with, from the manager's {@code berth-hosts.yaml}, so a
     * re-run keeps every service where it runs (the placer moves one only where a rule now says
     * so). None for a folder Berth did not make or one without the file: then the scores place all.
     *
     * @throws TargetException naming the file and what to do, when it cannot be read
     */
    static Optional<HostLayout> previousLayout(StackState manager, String host) throws TargetException {
        var file = manager.files().get(HostLayoutFile.PATH);
        if (!manager.isBerthStack() || file == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostLayoutFile.read(file.content(),
                    StackPaths.join(manager.dir(), HostLayoutFile.PATH) + " on " + host));
        } catch (IllegalArgumentException e) {
            throw new TargetException(TargetException.Reason.FILE, e.getMessage());
        }
    }

    /**
     * The manager's jobs with the {@link SwarmStackJob} right after its files are written (the job
     * reads {@code swarm/stack.yaml} there, and the fabric job before made the swarm), when the
     * layout lets Swarm schedule any service; before the manager's containers start, so a service
     * that calls a Swarm-scheduled one finds it.
     */
    static List<Job> withSwarmStack(List<Job> managerJobs, String project, String stackDir, HostLayout layout) {
        List<String> swarmServices = SwarmStackFile.services(layout);
        if (swarmServices.isEmpty()) {
            return managerJobs;
        }
        List<Job> jobs = new ArrayList<>(managerJobs);
        int written = -1;
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i) instanceof WriteFilesJob) {
                written = i;
            }
        }
        if (written < 0) {
            throw new IllegalStateException("the manager's jobs write no files, so it has no " + SwarmStackFile.PATH + ": " + jobs);
        }
        jobs.add(written + 1, new SwarmStackJob(project, stackDir, layout.hosts(), swarmServices));
        return jobs;
    }

    /** Each secret an app makes while it is wired (its catalog's {@code api.key} made by the app) → the host it runs on. */
    static Map<String, String> madeSecrets(ClusterPreview preview) {
        Map<String, String> madeOn = new TreeMap<>();
        for (PlannedService s : preview.plan().services()) {
            s.definition().apiKey().filter(ApiKey::madeByApp).ifPresent(key -> madeOn.put(key.secret(), preview.layout().hostOf(s.name())));
        }
        return madeOn;
    }

    private DeployPreview share(ClusterPreview preview, ClusterHost host) {
        DeployPreview share = preview.hosts().get(host.name());
        if (share == null) {
            throw new IllegalArgumentException("the preview has no part for host " + host.name() + "; it has " + preview.hosts().keySet());
        }
        return share;
    }

    private ClusterHost manager() {
        return hosts.getFirst();
    }

    /** The hosts in the layout's order (its first is the swarm's manager). */
    private List<ClusterHost> inLayoutOrder(HostLayout layout) {
        Map<String, ClusterHost> byName = new LinkedHashMap<>();
        hosts.forEach(h -> byName.put(h.name(), h));
        return layout.hosts().stream().map(name -> {
            ClusterHost host = byName.get(name);
            if (host == null) {
                throw new IllegalArgumentException("the layout names host " + name + ", which this deploy is not connected to: "
                        + byName.keySet());
            }
            return host;
        }).toList();
    }

    private List<String> hostsManagerLast() {
        return hosts.stream().map(ClusterHost::name).toList().reversed();
    }

    /** Every host's map merged; on a key two hosts have, the manager's value (else the earlier host's) wins. */
    private <V> Map<String, V> managerWins(Map<String, HostRead> read, java.util.function.Function<HostRead, Map<String, V>> part) {
        Map<String, V> merged = new TreeMap<>();
        for (String host : hostsManagerLast()) {
            merged.putAll(part.apply(read.get(host)));
        }
        return merged;
    }

    /** The images {@code berth update} pinned on every host, merged; the manager's pin wins. */
    private ImagePins pins(Map<String, HostRead> read) throws TargetException {
        ImagePins pins = ImagePins.NONE;
        for (String host : hostsManagerLast()) {
            for (var pin : read.get(host).loaded().pins().services().entrySet()) {
                pins = pins.with(pin.getKey(), pin.getValue());
            }
        }
        return pins;
    }

    /** The dialect every host's Compose reads: the lowest Compose version on the lowest engine. */
    static ComposeDialect lowest(List<ComposeDialect> dialects) {
        ComposeDialect compose = dialects.stream()
                .min(Comparator.comparingInt(ComposeDialect::major).thenComparingInt(ComposeDialect::minor)).orElseThrow();
        DockerEngineVersion engine = dialects.stream().map(ComposeDialect::engine)
                .min(Comparator.comparingInt(DockerEngineVersion::major).thenComparingInt(DockerEngineVersion::minor)).orElseThrow();
        return compose.on(engine);
    }

    /** One read or preview per host. */
    private interface PerHost<T> {
        T apply(ClusterHost host) throws TargetException, StackState.ForeignStackException;
    }

    /**
     * Runs {@code work} on every host side by side (each a round trip over SSH or more) and waits
     * for all; the first host's failure, in host order, is thrown as it was thrown.
     */
    private <T> Map<String, T> eachHost(PerHost<T> work) throws TargetException, StackState.ForeignStackException {
        Map<String, Future<T>> futures = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ClusterHost host : hosts) {
                futures.put(host.name(), pool.submit(() -> work.apply(host)));
            }
        }
        Map<String, T> results = new LinkedHashMap<>();
        for (var entry : futures.entrySet()) {
            try {
                results.put(entry.getKey(), entry.getValue().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading host " + entry.getKey(), e);
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case TargetException t -> throw t;
                    case StackState.ForeignStackException f -> throw f;
                    case RuntimeException r -> throw r;
                    case Error err -> throw err;
                    default -> throw new IllegalStateException(e.getCause());
                }
            }
        }
        return results;
    }
}

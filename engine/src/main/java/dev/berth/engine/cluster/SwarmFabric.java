package dev.berth.engine.cluster;

import dev.berth.engine.target.ExecResult;
import dev.berth.render.ClusterSplit;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The Docker Swarm that joins a multi-host stack's hosts, and its attachable overlay network
 * (issue 17). The first host is the manager: {@code docker swarm init} there when it is in no
 * swarm, {@code docker swarm join} on the others, the node label {@code berth.host=<name>} on
 * each, and {@code docker network create --driver overlay --attachable <network>}.
 *
 * <p>Then the stack's <em>anchor</em>: a global Swarm service ({@link #anchorService}) that keeps one
 * small task attached to the overlay on every node. A worker knows a swarm network only while a
 * container of that host is attached to it, and Compose (2.x and 1.29) refuses an external network
 * it cannot find; with the anchor, every host's {@code compose up} finds it on the first deploy,
 * after a {@code down}, after a restart of the host and from {@code berth start}.
 */
public final class SwarmFabric {
    /** The node label that names each host; Swarm-scheduled services are placed by it. */
    public static final String HOST_LABEL = "berth.host";
    static final String PORTS = "2377/tcp, 7946/tcp and udp, and 4789/udp";
    private static final Duration READY_LIMIT = Duration.ofSeconds(60);
    private static final long READY_POLL_MILLIS = 250;
    private static final BooleanSupplier NEVER = () -> false;
    /** The anchor's image: tiny, pinned, with {@code sleep}; each host needs it (pulled there unless offline). */
    public static final String ANCHOR_IMAGE = "busybox:1.37.0";
    private static final Duration PULL_LIMIT = Duration.ofMinutes(5);
    private static final Duration ANCHOR_LIMIT = Duration.ofSeconds(90);

    private final List<ClusterHost> hosts;

    /** @param hosts every host, the manager first */
    public SwarmFabric(List<ClusterHost> hosts) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("a swarm needs at least one host");
        }
        this.hosts = List.copyOf(hosts);
    }

    public List<ClusterHost> hosts() {
        return hosts;
    }

    /** The global Swarm service that keeps the overlay of {@code project} known on every host. */
    public static String anchorService(String project) {
        return project + "-anchor";
    }

    /**
     * Brings every host into one swarm with the overlay network of {@code project}
     * ({@link ClusterSplit#overlayNetwork}) and its anchor service, running on every host; changes
     * only what is missing. Nothing is changed before every host was looked at (and has the anchor's
     * image), and a failure part way takes back what this call made before it throws.
     *
     * @param offline pull nothing: a host without {@link #ANCHOR_IMAGE} is then an error saying to pull it
     * @throws TargetException with what to do when a host is in another swarm, cannot reach the
     *                         manager (ports 2377/tcp, 7946/tcp+udp, 4789/udp), lacks the anchor's
     *                         image, or Docker refuses
     */
    public FabricChange join(String project, boolean offline, BooleanSupplier cancelled) throws TargetException {
        String network = ClusterSplit.overlayNetwork(project);
        HostDocker manager = new HostDocker(hosts.getFirst());
        Map<ClusterHost, SwarmState> before = new LinkedHashMap<>();
        for (ClusterHost host : hosts) {
            before.put(host, new HostDocker(host).swarm(cancelled));
        }
        List<String> swarmNodes = refuseWhatBerthMustNotChange(manager, before, network, cancelled);
        for (ClusterHost host : hosts) {
            ensureAnchorImage(new HostDocker(host), offline, cancelled);
        }
        Progress made = new Progress();
        try {
            SwarmState managerState = before.get(manager.host());
            if (managerState.inactive()) {
                manager.run(cancelled, "swarm", "init", "--advertise-addr", manager.host().address(),
                        "--listen-addr", manager.host().address() + ":2377");
                made.swarmCreated = true;
                managerState = manager.swarm(cancelled);
            }
            String managerAddress = managerState.nodeAddress().isEmpty() ? manager.host().address() : managerState.nodeAddress();
            Map<ClusterHost, String> nodeIds = new LinkedHashMap<>();
            nodeIds.put(manager.host(), managerState.nodeId());
            for (ClusterHost host : hosts.subList(1, hosts.size())) {
                stopIfCancelled(cancelled);
                SwarmState state = before.get(host);
                if (!state.inactive() && swarmNodes.contains(state.nodeId())) {
                    nodeIds.put(host, state.nodeId()); // already in this swarm: left as it is
                    continue;
                }
                String token = manager.run(cancelled, "swarm", "join-token", "-q", "worker");
                joinWorker(new HostDocker(host), token, managerAddress, cancelled);
                made.joined.add(host.name());
                nodeIds.put(host, new HostDocker(host).swarm(cancelled).nodeId());
            }
            awaitReady(manager, nodeIds, cancelled);
            for (Map.Entry<ClusterHost, String> node : nodeIds.entrySet()) {
                String name = node.getKey().name();
                String label = manager.run(cancelled, "node", "inspect", "--format",
                        "{{index .Spec.Labels \"" + HOST_LABEL + "\"}}", node.getValue());
                if (!label.equals(name)) {
                    manager.run(cancelled, "node", "update", "--label-add", HOST_LABEL + "=" + name, node.getValue());
                    made.labelled.add(name);
                }
            }
            stopIfCancelled(cancelled);
            if (!manager.attempt(Duration.ofSeconds(60), cancelled, "network", "inspect", network).ok()) {
                manager.run(cancelled, "network", "create", "--driver", "overlay", "--attachable", network);
                made.networkCreated = true;
            }
            String anchor = anchorService(project);
            stopIfCancelled(cancelled);
            if (!manager.attempt(Duration.ofSeconds(60), cancelled, "service", "inspect", anchor).ok()) {
                // --no-resolve-image: each node runs the image it has (checked or pulled above), asking no registry.
                manager.run(cancelled, "service", "create", "--detach", "--name", anchor, "--mode", "global",
                        "--network", network, "--restart-condition", "any", "--stop-signal", "KILL",
                        "--no-resolve-image", "--label", "berth.anchor=" + project, ANCHOR_IMAGE, "sleep", "2147483647");
                made.anchorCreated = true;
            }
            awaitAnchor(anchor, cancelled);
            return made.change();
        } catch (TargetException | RuntimeException e) {
            try {
                undo(made.change(), project);
            } catch (TargetException | RuntimeException undoFailed) {
                e.addSuppressed(undoFailed);
            }
            throw e;
        }
    }

    /**
     * Takes back what {@code change} made for {@code project}, in reverse: the anchor, the network,
     * the labels, the joins, the swarm. Goes on past a host it cannot reach and then names what is
     * left to do by hand.
     */
    public void undo(FabricChange change, String project) throws TargetException {
        String network = ClusterSplit.overlayNetwork(project);
        HostDocker manager = new HostDocker(hosts.getFirst());
        List<String> left = new ArrayList<>();
        if (change.anchorCreated()) {
            String anchor = anchorService(project);
            attempt(left, manager, "remove the anchor service: docker service rm " + anchor, "service", "rm", anchor);
            awaitAnchorGone(anchor);
        }
        if (change.networkCreated()) {
            attempt(left, manager, "remove the network: docker network rm " + network, "network", "rm", network);
        }
        // Found by label before the labels go: a host that was lost cannot say its node ID itself.
        Map<String, String> nodeIds = new LinkedHashMap<>();
        for (String name : change.labelled()) {
            ExecResult found = manager.attempt(Duration.ofSeconds(60), NEVER, "node", "ls", "-q", "--filter",
                    "node.label=" + HOST_LABEL + "=" + name);
            if (found.ok() && !found.stdout().isBlank()) {
                nodeIds.put(name, found.stdout().trim().lines().findFirst().orElseThrow());
            }
        }
        for (String name : change.labelled().reversed()) {
            String node = nodeIds.get(name);
            if (node != null) {
                attempt(left, manager, "remove the label of " + name + ": docker node update --label-rm " + HOST_LABEL + " " + node,
                        "node", "update", "--label-rm", HOST_LABEL, node);
            }
        }
        for (String name : change.joined().reversed()) {
            attempt(left, new HostDocker(host(name)), "on " + name + ": docker swarm leave", "swarm", "leave", "--force");
            String node = nodeIds.get(name);
            if (node != null && !change.swarmCreated()) {
                attempt(left, manager, "drop the node of " + name + ": docker node rm --force " + node, "node", "rm", "--force", node);
            }
        }
        if (change.swarmCreated()) {
            attempt(left, manager, "on " + manager.host().name() + ": docker swarm leave --force", "swarm", "leave", "--force");
        }
        if (!left.isEmpty()) {
            throw new TargetException(TargetException.Reason.OTHER,
                    "Berth could not take back all of the swarm it made. Do this by hand: " + String.join("; ", left) + ".");
        }
    }

    private List<String> refuseWhatBerthMustNotChange(HostDocker manager, Map<ClusterHost, SwarmState> before, String network,
            BooleanSupplier cancelled) throws TargetException {
        ClusterHost first = manager.host();
        SwarmState managerState = before.get(first);
        List<String> nodes = List.of();
        if (managerState.active() && !managerState.manager()) {
            throw new TargetException(TargetException.Reason.OTHER, "Host " + first.name()
                    + " is a worker in a swarm, but the first host of hosts: becomes the swarm's manager. Promote it there "
                    + "(docker node promote on a manager), run docker swarm leave on it, or put a manager first in hosts:.");
        }
        if (!managerState.active() && !managerState.inactive()) {
            throw notUsable(first, managerState);
        }
        if (managerState.active()) {
            nodes = manager.run(cancelled, "node", "ls", "-q").lines().map(String::trim).toList();
        }
        for (ClusterHost host : hosts.subList(1, hosts.size())) {
            SwarmState state = before.get(host);
            if (state.inactive() || nodes.contains(state.nodeId())) {
                continue;
            }
            if (!state.active()) {
                throw notUsable(host, state);
            }
            throw new TargetException(TargetException.Reason.OTHER, "Host " + host.name() + " is already in another swarm"
                    + (state.managerAddresses().isEmpty() ? "" : " (managed at " + String.join(", ", state.managerAddresses()) + ")")
                    + ", not the one of " + first.name() + ". Run docker swarm leave on " + host.name()
                    + (state.manager() ? " (with --force: it is a manager there)" : "") + ", or remove it from hosts:.");
        }
        for (ClusterHost host : hosts) {
            // network ls's name filter matches parts of names: compare whole names here.
            String networks = new HostDocker(host).run(cancelled, "network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Scope}}");
            for (String line : networks.lines().toList()) {
                String[] fields = line.trim().split(" ", 2);
                String found = fields.length > 1 ? fields[1] : "";
                if (fields[0].equals(network) && !found.startsWith("overlay ")) {
                    throw new TargetException(TargetException.Reason.OTHER, "Host " + host.name() + " has a network named " + network
                            + " that is not an overlay network (" + found.trim() + "), and the stack's hosts share one by that name. "
                            + "Remove it there (docker network rm " + network + ") or give the stack another project name.");
                }
            }
        }
        if (managerState.active() && manager.attempt(Duration.ofSeconds(60), cancelled, "network", "inspect", network).ok()
                && !"true".equals(manager.run(cancelled, "network", "inspect", "--format", "{{.Attachable}}", network))) {
            throw new TargetException(TargetException.Reason.OTHER, "The overlay network " + network + " on host " + first.name()
                    + " is not attachable, so the hosts' Compose projects cannot use it. Remove it there (docker network rm "
                    + network + ") and Berth makes it again, attachable.");
        }
        return nodes;
    }

    /** The anchor's image on the host: there, pulled, or (offline) an error that says how to get it there. */
    private static void ensureAnchorImage(HostDocker docker, boolean offline, BooleanSupplier cancelled) throws TargetException {
        if (docker.attempt(Duration.ofSeconds(60), cancelled, "image", "inspect", "--format", "{{.Id}}", ANCHOR_IMAGE).ok()) {
            return;
        }
        String name = docker.host().name();
        if (offline) {
            throw new TargetException(TargetException.Reason.OTHER, "Host " + name + " has no image " + ANCHOR_IMAGE
                    + ", which keeps the stack's overlay network known on every host, and an offline deploy pulls nothing. "
                    + "Run docker pull " + ANCHOR_IMAGE + " on " + name + " (or docker save | docker load it there), then deploy again.");
        }
        ExecResult pulled = docker.attempt(PULL_LIMIT, cancelled, "pull", ANCHOR_IMAGE);
        if (!pulled.ok()) {
            throw new TargetException(pulled.timedOut() ? TargetException.Reason.TIMEOUT : TargetException.Reason.OTHER,
                    "Host " + name + " could not pull " + ANCHOR_IMAGE + " (" + (pulled.timedOut() ? "no answer in time" : pulled.stderr().trim())
                            + "). Let it reach the registry, or docker save | docker load the image there and deploy with --offline.");
        }
    }

    /** Until the anchor has a running task on every host: only then does each host's Compose find the network. */
    private void awaitAnchor(String anchor, BooleanSupplier cancelled) throws TargetException {
        long deadline = System.nanoTime() + ANCHOR_LIMIT.toNanos();
        for (ClusterHost host : hosts) {
            HostDocker docker = new HostDocker(host);
            while (docker.run(cancelled, "ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + anchor,
                    "--filter", "status=running").isEmpty()) {
                if (System.nanoTime() - deadline >= 0) {
                    String tasks = new HostDocker(hosts.getFirst()).attempt(Duration.ofSeconds(60), NEVER, "service", "ps", "--no-trunc",
                            "--format", "{{.Node}} {{.CurrentState}} {{.Error}}", anchor).stdout().trim().replace("\n", "; ");
                    throw new TargetException(TargetException.Reason.TIMEOUT, "The swarm service " + anchor + ", which keeps the overlay "
                            + "network known on every host, has no running task on host " + host.name() + " after "
                            + ANCHOR_LIMIT.toSeconds() + " s (" + tasks + "). See docker service ps " + anchor + " on "
                            + hosts.getFirst().name() + "; a host without the image " + ANCHOR_IMAGE + " or one that cannot reach the "
                            + "others on " + PORTS + " is the usual cause.");
                }
                pause(cancelled);
            }
        }
    }

    /** A removed service's tasks stop a moment later; the network is in use until they have. Best effort, time-limited. */
    private void awaitAnchorGone(String anchor) {
        long deadline = System.nanoTime() + ANCHOR_LIMIT.toNanos();
        for (ClusterHost host : hosts) {
            HostDocker docker = new HostDocker(host);
            try {
                while (System.nanoTime() - deadline < 0) {
                    ExecResult left = docker.attempt(Duration.ofSeconds(60), NEVER, "ps", "-aq", "--filter",
                            "label=com.docker.swarm.service.name=" + anchor);
                    if (!left.ok() || left.stdout().isBlank()) {
                        break;
                    }
                    pause(NEVER);
                }
            } catch (TargetException lostHost) {
                // A host that is gone holds no task of it; the steps after name what is left.
            }
        }
    }

    private static TargetException notUsable(ClusterHost host, SwarmState state) {
        return new TargetException(TargetException.Reason.OTHER, "Host " + host.name() + "'s swarm state is " + state.localState()
                + (state.error().isEmpty() ? "" : " (" + state.error() + ")")
                + ". Run docker swarm leave --force on it (or unlock it with docker swarm unlock), then deploy again.");
    }

    private void joinWorker(HostDocker worker, String token, String managerAddress, BooleanSupplier cancelled) throws TargetException {
        ClusterHost host = worker.host();
        ExecResult joined = worker.attempt(HostDocker.JOIN_LIMIT, cancelled, "swarm", "join", "--token", token,
                "--advertise-addr", host.address(), "--listen-addr", host.address() + ":2377", managerAddress + ":2377");
        if (!joined.ok()) {
            // A join that timed out goes on in the background: stop it, so undo finds the host as it was.
            worker.attempt(Duration.ofSeconds(60), NEVER, "swarm", "leave", "--force");
            throw new TargetException(joined.timedOut() ? TargetException.Reason.TIMEOUT : TargetException.Reason.OTHER,
                    "Host " + host.name() + " (" + host.address() + ") could not join the swarm of " + hosts.getFirst().name()
                            + " at " + managerAddress + ":2377: " + (joined.timedOut() ? "no answer in time" : joined.stderr().trim())
                            + ". The hosts must reach each other on " + PORTS + " (open them in any firewall between them), and "
                            + "each host's address: must be one the others reach it at.");
        }
    }

    /** Joining returns before the manager sees the node working: waits until every node is Ready. */
    private void awaitReady(HostDocker manager, Map<ClusterHost, String> nodeIds, BooleanSupplier cancelled) throws TargetException {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        for (Map.Entry<ClusterHost, String> node : nodeIds.entrySet()) {
            while (true) {
                String state = manager.run(cancelled, "node", "inspect", "--format", "{{.Status.State}}", node.getValue());
                if (state.equals("ready")) {
                    break;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new TargetException(TargetException.Reason.TIMEOUT, "Host " + node.getKey().name() + " joined the swarm, but its node is "
                            + state + " after " + READY_LIMIT.toSeconds() + " s. The hosts must reach each other on " + PORTS
                            + "; check the firewalls between " + node.getKey().address() + " and " + hosts.getFirst().address() + ".");
                }
                pause(cancelled);
            }
        }
    }

    private static void pause(BooleanSupplier cancelled) throws TargetException {
        stopIfCancelled(cancelled);
        try {
            Thread.sleep(READY_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException(TargetException.Reason.OTHER, "Interrupted while waiting for the swarm.");
        }
    }

    private static void stopIfCancelled(BooleanSupplier cancelled) throws TargetException {
        if (cancelled.getAsBoolean()) {
            throw new TargetException(TargetException.Reason.OTHER, "Joining the hosts into a swarm was cancelled; what it had made is taken back.");
        }
    }

    private static void attempt(List<String> left, HostDocker docker, String byHand, String... args) {
        try {
            ExecResult result = docker.attempt(Duration.ofSeconds(60), NEVER, args);
            if (!result.ok()) {
                left.add(byHand + " (" + result.stderr().trim() + ")");
            }
        } catch (TargetException e) {
            left.add(byHand + " (" + e.getMessage() + ")");
        }
    }

    private ClusterHost host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no host named " + name + " in this swarm"));
    }

    /** What join made so far, so a failure part way takes back exactly that. */
    private static final class Progress {
        boolean swarmCreated;
        final List<String> joined = new ArrayList<>();
        final List<String> labelled = new ArrayList<>();
        boolean networkCreated;
        boolean anchorCreated;

        FabricChange change() {
            return new FabricChange(swarmCreated, joined, labelled, networkCreated, anchorCreated);
        }
    }
}

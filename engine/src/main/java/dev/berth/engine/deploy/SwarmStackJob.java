package dev.berth.engine.deploy;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.render.SwarmStackFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Runs the services the person lets Swarm schedule: {@code docker stack deploy -c swarm/stack.yaml
 * <project>} on the manager, then waits until each has its task running (and healthy: Swarm counts
 * a task with a health check as running only once it is). Runs with the manager's target, after the
 * fabric job made the swarm and the overlay network and after the manager's files are written.
 *
 * <p>First it gives every host of the stack the node label {@link SwarmStackFile#nodeLabel} that the
 * stack file constrains the services to, so Swarm may start them on any of these hosts and on no
 * other node of a swarm the person may share with other things.
 *
 * <p>Undo takes back what this run changed and nothing else: a stack that was not there before is
 * removed ({@code docker stack rm}, which leaves the external overlay network alone); a service this
 * run created is removed; a service whose spec this run changed goes back to its previous spec with
 * {@code docker service rollback} (Swarm keeps it); the labels it added are removed.
 */
public final class SwarmStackJob implements Job {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration COMMAND = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(500);

    private final String project;
    private final String stackDir;
    private final List<String> hosts;
    private final List<String> services;
    private final Duration timeout;

    /** What execute changed, for undo. */
    private volatile boolean stackExisted;
    private final Map<String, String> versionsBefore = new LinkedHashMap<>();
    private final List<String> labelled = new ArrayList<>();
    private volatile boolean deployed;

    /**
     * @param hosts    every host name of the stack (node label {@code berth.host}), which Swarm may run the services on
     * @param services the Swarm-scheduled services ({@link SwarmStackFile#services})
     */
    public SwarmStackJob(String project, String stackDir, List<String> hosts, List<String> services, Duration timeout) {
        this.project = project;
        this.stackDir = stackDir;
        this.hosts = List.copyOf(hosts);
        this.services = List.copyOf(services);
        this.timeout = timeout;
    }

    public SwarmStackJob(String project, String stackDir, List<String> hosts, List<String> services) {
        this(project, stackDir, hosts, services, DEFAULT_TIMEOUT);
    }

    @Override
    public String description() {
        return "Run " + String.join(", ", services) + " on Docker Swarm (docker stack deploy -c " + SwarmStackFile.PATH + " " + project
                + "), free to start on any of " + String.join(", ", hosts);
    }

    @Override
    public void execute(JobContext context) throws TargetException, InterruptedException {
        Target manager = context.target();
        labelled.clear();
        versionsBefore.clear();
        for (String host : hosts) {
            String node = nodeOf(manager, host);
            String label = SwarmStackFile.nodeLabel(project);
            String value = docker(manager, context, "Reading the labels of " + host + "'s node",
                    "node", "inspect", "--format", "{{index .Spec.Labels \"" + label + "\"}}", node).stdout().strip();
            if (!"true".equals(value)) {
                labelled.add(node);
                docker(manager, context, "Labelling " + host + "'s node for the stack", "node", "update", "--label-add", label + "=true", node);
            }
        }
        Map<String, String> before = versions(manager, context);
        stackExisted = !before.isEmpty();
        versionsBefore.putAll(before);
        deployed = true;
        // --resolve-image never: the file names the image references the Compose projects use (tags, or
        // digests berth update pinned); each node uses the image it has or pulls that reference itself,
        // where asking a registry from the manager would fail on an offline deploy.
        docker(manager, context, "Starting " + String.join(", ", services) + " on Docker Swarm",
                "stack", "deploy", "--resolve-image", "never", "-c", stackDir + "/" + SwarmStackFile.PATH, project);
        awaitRunning(manager, context);
    }

    /** Until each service has its one task running; Swarm keeps a task with a health check "starting" until it is healthy. */
    private void awaitRunning(Target manager, JobContext context) throws TargetException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> replicas = Map.of();
        while (System.nanoTime() < deadline) {
            if (context.cancelled()) {
                throw new CancellationException("Waiting for the Swarm services was stopped, as you asked");
            }
            Map<String, String> now = replicas(manager, context);
            replicas = now;
            if (services.stream().allMatch(s -> "1/1".equals(now.get(s)))) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        StringBuilder why = new StringBuilder();
        for (String s : services) {
            ExecResult ps = manager.exec(List.of("docker", "service", "ps", "--no-trunc", "--format",
                    "{{.Node}} {{.CurrentState}} {{.Error}}", project + "_" + s), COMMAND);
            why.append("\n").append(s).append(" (").append(replicas.getOrDefault(s, "not created")).append(" running): ")
                    .append(ComposeRun.tail(ps.stdout() + ps.stderr()).replace("\n", "; "));
        }
        throw new TargetException(TargetException.Reason.OTHER, "Docker Swarm did not get every service running within "
                + timeout.toMinutes() + " minutes on " + manager.description() + ":" + why
                + "\nSee `docker service ps " + project + "_<service>` on the manager; a host without the image or one that"
                + " cannot reach the others over the overlay (ports 7946 and 4789) is the usual cause.");
    }

    @Override
    public void undo(JobContext context) throws TargetException {
        Target manager = context.target();
        if (deployed) {
            if (!stackExisted) {
                docker(manager, context, "Removing the Swarm services", "stack", "rm", project);
            } else {
                Map<String, String> now = versions(manager, context);
                for (Map.Entry<String, String> e : now.entrySet()) {
                    String before = versionsBefore.get(e.getKey());
                    if (before == null) {
                        docker(manager, context, "Removing " + e.getKey(), "service", "rm", e.getKey());
                    } else if (!before.equals(e.getValue())) {
                        docker(manager, context, "Rolling " + e.getKey() + " back", "service", "rollback", "--detach", e.getKey());
                    }
                }
            }
            deployed = false;
        }
        for (String node : labelled) {
            docker(manager, context, "Removing the stack's node label", "node", "update", "--label-rm", SwarmStackFile.nodeLabel(project), node);
        }
        labelled.clear();
    }

    /** The node the fabric labelled {@code berth.host=<host>}. */
    private String nodeOf(Target manager, String host) throws TargetException {
        ExecResult r = ComposeRun.run(manager, List.of("docker", "node", "ls", "-q", "--filter", "node.label=berth.host=" + host), COMMAND,
                "Finding " + host + " in the swarm", () -> false);
        List<String> ids = r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (ids.size() != 1) {
            throw new TargetException(TargetException.Reason.OTHER, "The swarm of " + manager.description() + " has "
                    + (ids.isEmpty() ? "no node" : ids.size() + " nodes") + " labelled berth.host=" + host + "; Berth labels each host's"
                    + " node when it joins the swarm: deploy again, or set it with `docker node update --label-add berth.host=" + host
                    + " <node>` on the manager");
        }
        return ids.getFirst();
    }

    /** Service name ({@code <project>_<service>}) → its spec version, for this stack's services. */
    private Map<String, String> versions(Target manager, JobContext context) throws TargetException {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String line : serviceLines(manager, context, "{{.Name}}").lines().toList()) {
            String name = line.strip();
            if (!name.isEmpty()) {
                versions.put(name, docker(manager, context, "Reading " + name, "service", "inspect", "--format", "{{.Version.Index}}", name)
                        .stdout().strip());
            }
        }
        return versions;
    }

    /** Service (without the project prefix) → "running/wanted", as {@code docker service ls} counts them. */
    private Map<String, String> replicas(Target manager, JobContext context) throws TargetException {
        Map<String, String> replicas = new LinkedHashMap<>();
        for (String line : serviceLines(manager, context, "{{.Name}} {{.Replicas}}").lines().toList()) {
            String[] parts = line.strip().split(" ");
            if (parts.length >= 2 && parts[0].startsWith(project + "_")) {
                replicas.put(parts[0].substring(project.length() + 1), parts[1]);
            }
        }
        return replicas;
    }

    private String serviceLines(Target manager, JobContext context, String format) throws TargetException {
        return docker(manager, context, "Listing the stack's Swarm services", "service", "ls", "--filter",
                "label=com.docker.stack.namespace=" + project, "--format", format).stdout();
    }

    private static ExecResult docker(Target target, JobContext context, String what, String... args) throws TargetException {
        List<String> argv = new ArrayList<>();
        argv.add("docker");
        argv.addAll(List.of(args));
        return ComposeRun.run(target, argv, COMMAND, what, context::cancelled);
    }
}

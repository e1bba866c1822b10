package dev.berth.engine.deploy;

import dev.berth.engine.cluster.ClusterHost;
import dev.berth.engine.health.ServiceState;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The live state of a stack across several hosts, once (issue 17): {@link StackStatus} of every host's
 * Compose project, read on all hosts at once, and each service shown with the host that runs it. A
 * Swarm-scheduled service is where Swarm runs its task now ({@code docker service ps} on the manager),
 * which may not be where the plan first put it.
 *
 * <p>Each host is read with the whole plan: a service is on the host whose engine has its container, so
 * status needs no layout file, and a service that runs nowhere shows as missing.
 */
public final class ClusterStatus {
    private static final Duration COMMAND = Duration.ofSeconds(60);

    private ClusterStatus() {
    }

    /**
     * What was read.
     *
     * @param services    every planned service, in the plan's order
     * @param unreachable host name → why it could not be read (a host that is down); its services show as missing
     */
    public record Report(List<HostedService> services, Map<String, String> unreachable) {
        public Report {
            services = List.copyOf(services);
            unreachable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unreachable));
        }

        public boolean ok() {
            return unreachable.isEmpty() && services.stream().allMatch(s -> s.report().up());
        }
    }

    /**
     * @param hosts       the hosts Berth reached, the swarm's manager first
     * @param unreachable host name → why Berth could not connect to it: a dead host is the moment
     *                    status matters most, so the others are still shown
     * @param plan        the whole stack's plan; its {@code placement.swarm} names the Swarm-scheduled services
     * @throws TargetException when the manager itself cannot be read
     */
    public static Report read(List<ClusterHost> hosts, Map<String, String> unreachable, StackPlan plan, Duration settle)
            throws TargetException, InterruptedException {
        Map<String, String> notRead = new LinkedHashMap<>(unreachable);
        Map<String, DeployReport> byHost = readEach(hosts, plan, settle, notRead);
        Map<String, String> addresses = new LinkedHashMap<>();
        hosts.forEach(h -> addresses.put(h.name(), h.address()));
        List<String> swarm = plan.answers().placement().swarm();
        Target manager = hosts.getFirst().target();
        List<HostedService> services = new ArrayList<>();
        for (PlannedService s : plan.services()) {
            if (swarm.contains(s.name())) {
                services.add(atItsAddress(swarmService(manager, plan, s), s, addresses));
                continue;
            }
            HostedService found = null;
            for (Map.Entry<String, DeployReport> e : byHost.entrySet()) {
                DeployReport.ServiceReport r = e.getValue().service(s.name()).orElseThrow();
                if (r.state() != ServiceState.MISSING) {
                    found = atItsAddress(new HostedService(e.getKey(), false, r), s, addresses);
                    break;
                }
            }
            services.add(found != null ? found : new HostedService("", false, report(s, ServiceState.MISSING, notRead.isEmpty()
                    ? "runs on no host: berth deploy starts it" : "runs on none of the hosts read; not read: " + String.join(", ", notRead.keySet()))));
        }
        return new Report(services, notRead);
    }

    /** Its page at the address of the host it runs on: a host's report names the host Berth reached the stack folder at. */
    private static HostedService atItsAddress(HostedService h, PlannedService s, Map<String, String> addresses) {
        String address = addresses.get(h.host());
        if (address == null || s.hostWebPort() == 0 || s.definition().web() == null) {
            return h;
        }
        DeployReport.ServiceReport r = h.report();
        String url = "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + s.hostWebPort() + "/";
        return new HostedService(h.host(), h.swarm(), new DeployReport.ServiceReport(r.service(), r.state(), r.detail(), url, r.logTail(), r.up()));
    }

    /** Every host's report, read at the same time: a slow or distant host costs its own time, not the sum. */
    private static Map<String, DeployReport> readEach(List<ClusterHost> hosts, StackPlan plan, Duration settle, Map<String, String> notRead)
            throws TargetException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(hosts.size(), Thread.ofPlatform().daemon().name("berth-status-", 0).factory());
        try {
            Map<String, Future<DeployReport>> futures = new LinkedHashMap<>();
            for (ClusterHost h : hosts) {
                futures.put(h.name(), pool.submit(() -> StackStatus.read(h.target(), plan, settle)));
            }
            Map<String, DeployReport> reports = new LinkedHashMap<>();
            for (Map.Entry<String, Future<DeployReport>> f : futures.entrySet()) {
                try {
                    reports.put(f.getKey(), f.getValue().get());
                } catch (ExecutionException e) {
                    boolean manager = f.getKey().equals(hosts.getFirst().name());
                    if (e.getCause() instanceof TargetException te && manager) {
                        throw new TargetException(te.reason(), "Host " + f.getKey() + ": " + te.getMessage(), te);
                    }
                    if (manager) {
                        throw new IllegalStateException("Reading host " + f.getKey() + " failed", e.getCause());
                    }
                    notRead.put(f.getKey(), String.valueOf(e.getCause().getMessage()));
                }
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Where Swarm runs the service's task now, and in what state, from the manager. */
    private static HostedService swarmService(Target manager, StackPlan plan, PlannedService s) throws TargetException {
        String name = plan.projectName() + "_" + s.name();
        ExecResult tasks = manager.exec(List.of("docker", "service", "ps", "-q", "--no-trunc", "--filter", "desired-state=running", name), COMMAND);
        if (!tasks.ok()) {
            return new HostedService("", true, report(s, ServiceState.MISSING, "no Swarm service " + name + ": run berth deploy"));
        }
        for (String task : tasks.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            ExecResult t = manager.exec(List.of("docker", "inspect", "--format", "{{.Status.State}} {{.NodeID}} {{.Status.Err}}", task), COMMAND);
            String[] parts = t.stdout().strip().split(" ", 3);
            if (!t.ok() || parts.length < 2) {
                continue;
            }
            ExecResult node = manager.exec(List.of("docker", "node", "inspect", "--format", "{{index .Spec.Labels \"berth.host\"}}", parts[1]), COMMAND);
            String host = node.ok() ? node.stdout().strip().replace("<no value>", "") : "";
            ServiceState state = switch (parts[0]) {
                // Swarm calls a task with a health check running only once it is healthy.
                case "running" -> s.healthcheck().builtin() || !s.healthcheck().test().isEmpty() ? ServiceState.HEALTHY : ServiceState.RUNNING;
                case "failed", "rejected", "complete", "shutdown", "orphaned" -> ServiceState.EXITED;
                default -> ServiceState.STARTING;
            };
            return new HostedService(host, true, report(s, state, parts.length > 2 ? parts[2] : ""));
        }
        return new HostedService("", true, report(s, ServiceState.MISSING, "Swarm runs no task of it: see docker service ps " + name));
    }

    private static DeployReport.ServiceReport report(PlannedService s, ServiceState state, String detail) {
        return new DeployReport.ServiceReport(s.name(), state, detail, null, List.of(), state.up());
    }
}

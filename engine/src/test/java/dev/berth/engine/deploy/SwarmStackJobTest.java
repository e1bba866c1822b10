package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.HostAnswers;
import dev.berth.answers.PlacementAnswers;
import dev.berth.answers.VpnAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.cluster.NamespaceHost;
import dev.berth.engine.cluster.NamespaceHosts;
import dev.berth.engine.health.ServiceState;
import dev.berth.plan.HostAssignment;
import dev.berth.plan.HostLayout;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.render.ClusterSplit;
import dev.berth.render.PlannedStack;
import dev.berth.render.Renderer;
import dev.berth.render.SwarmStackFile;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.testsupport.NeedsSsh;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * FlareSolverr's stand-in run by Swarm from the rendered swarm/stack.yaml on the test hosts: on a
 * single-node swarm it answers its health path by name over the overlay and the undo removes it;
 * across two nodes {@code berth status}'s reading shows each service with its host, and when the
 * Swarm-scheduled service's node dies, Swarm starts it on the other.
 */
@NeedsDocker
@NeedsSsh
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmStackJobTest {
    private static final String FLARE = "flaresolverr";
    @TempDir
    static Path work;
    private static NamespaceHosts hosts;
    private static String project;
    private static String image;
    private static StackPlan plan;

    @BeforeAll
    static void start() throws Exception {
        project = DeployFixtures.project();
        hosts = NamespaceHosts.start(2);
        Catalog catalog = Catalog.builtIn();
        image = new StandInImages(work).build(catalog.get(FLARE));
        List<String> others = new StandInImages(work).build(List.of(catalog.get("jellyfin"), catalog.get("prowlarr")));
        hosts.loadImages(image, others.get(0), others.get(1));
        NamespaceHost manager = hosts.host(1);
        manager.docker("swarm", "init", "--advertise-addr", manager.address());
        label(manager, manager);
        manager.docker("network", "create", "--driver", "overlay", "--attachable", ClusterSplit.overlayNetwork(project));
        writeStackFile(manager);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    @Order(1)
    void aSingleNodeSwarmRunsTheServiceWhichAnswersByNameAndUndoRemovesIt() throws Exception {
        NamespaceHost manager = hosts.host(1);
        SwarmStackJob job = job(List.of("h1"));
        JobContext context = new JobContext(manager.target(), DeployFixtures.CLOCK);
        job.execute(context);

        assertEquals("1/1", manager.docker("service", "ls", "--filter", "name=" + project + "_" + FLARE, "--format", "{{.Replicas}}").strip());
        assertTrue(health(manager).strip().equals("OK"), "FlareSolverr's stand-in did not answer /health by its name");
        assertEquals("true", nodeLabel(manager, "h1"));

        job.undo(context);
        assertEquals("", manager.docker("service", "ls", "--filter", "label=com.docker.stack.namespace=" + project, "-q").strip());
        assertEquals("", nodeLabel(manager, "h1"), "the stack's node label stayed");
    }

    @Test
    @Order(2)
    void statusShowsEachServiceWithItsHostAndTheSwarmScheduledOneWhereSwarmRunsIt() throws Exception {
        NamespaceHost manager = hosts.host(1);
        NamespaceHost worker = hosts.host(2);
        String token = manager.docker("swarm", "join-token", "-q", "worker").strip();
        worker.docker("swarm", "join", "--token", token, manager.address() + ":2377");
        label(manager, worker);
        // Start it on the worker: a single manager that dies takes the swarm's scheduler with it.
        manager.docker("node", "update", "--availability", "drain", nodeId(manager, "h1"));
        job(List.of("h1", "h2")).execute(new JobContext(manager.target(), DeployFixtures.CLOCK));
        manager.docker("node", "update", "--availability", "active", nodeId(manager, "h1"));
        composeUp(manager, "jellyfin");
        composeUp(worker, "prowlarr");

        List<HostedService> status = ClusterStatus.read(hosts.clusterHosts(), Map.of(), plan, Duration.ofSeconds(5)).services();

        // In the plan's order.
        assertEquals(List.of("jellyfin h1 false", "flaresolverr h2 true", "prowlarr h2 false"),
                status.stream().map(s -> s.service() + " " + s.host() + " " + s.swarm()).toList());
        assertEquals(ServiceState.HEALTHY, status.get(1).report().state());
        assertTrue(status.stream().noneMatch(s -> s.report().state() == ServiceState.MISSING), status.toString());
    }

    @Test
    @Order(3)
    void whenItsNodeDiesSwarmStartsItOnTheOther() throws Exception {
        NamespaceHost manager = hosts.host(1);
        assertEquals("h2", runningOn(manager));

        hosts.host(2).kill();

        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!"h1".equals(runningOn(manager)) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertEquals("h1", runningOn(manager), "Swarm did not start the service on h1 after h2 died");
        // Status with h2 dead, connected as berth status connects (h2 refuses): its services are missing and h2 is named, the rest still shown.
        List<dev.berth.engine.cluster.ClusterHost> reached = new java.util.ArrayList<>(List.of(manager.clusterHost()));
        Map<String, String> unreachable = new java.util.HashMap<>();
        try {
            reached.add(hosts.host(2).clusterHost());
        } catch (IllegalStateException e) {
            unreachable.put("h2", e.getMessage());
        }
        ClusterStatus.Report status = ClusterStatus.read(reached, unreachable, plan, Duration.ofSeconds(5));
        assertEquals(List.of("h2"), List.copyOf(status.unreachable().keySet()));
        assertEquals(List.of("jellyfin h1", "flaresolverr h1", "prowlarr "), status.services().stream().map(s -> s.service() + " " + s.host()).toList());
        assertEquals("runs on none of the hosts read; not read: h2", status.services().get(2).report().detail());
        while (!health(manager).strip().equals("OK") && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertTrue(health(manager).strip().equals("OK"), "the moved service does not answer by its name");
    }

    /** One service of the plan as its host's Compose project (the stand-in image, Berth's label), as the host's share would run it. */
    private static void composeUp(NamespaceHost host, String service) throws Exception {
        PlannedService s = plan.service(service).orElseThrow();
        Path file = work.resolve(host.name() + "-compose.yaml");
        java.nio.file.Files.writeString(file, "services:\n  " + service + ":\n    image: " + s.image().reference()
                + "\n    labels:\n      dev.berth.service: " + service + "\n");
        host.docker("compose", "-p", project, "-f", file.toString(), "up", "-d");
    }

    private static SwarmStackJob job(List<String> hostNames) {
        return new SwarmStackJob(project, stackDir(), hostNames, List.of(FLARE), Duration.ofMinutes(3));
    }

    private static String stackDir() {
        return NamespaceHosts.STACKS.resolve(project).toString();
    }

    /** The real swarm/stack.yaml of a stack with Prowlarr and FlareSolverr, FlareSolverr scheduled by Swarm. */
    private static void writeStackFile(NamespaceHost manager) throws Exception {
        Answers a = DeployFixtures.answers("minimal-jellyfin", Path.of(stackDir()).getParent().resolve(project + "-root"), project);
        a = a.withServices(List.of("jellyfin", "prowlarr", FLARE)).withVpn(VpnAnswers.OFF);
        a = a.withHosts(List.of(new HostAnswers("h1", a.target(), hosts.host(1).address()),
                new HostAnswers("h2", new dev.berth.answers.TargetAnswers(dev.berth.answers.TargetAnswers.Kind.SSH,
                        hosts.host(2).address(), 22, "root", null), hosts.host(2).address())),
                new PlacementAnswers(Map.of(), List.of(FLARE)));
        plan = DeployFixtures.plan(a);
        Map<String, HostAssignment> services = new LinkedHashMap<>();
        for (PlannedService s : plan.services()) {
            services.put(s.name(), new HostAssignment(s.name(), "h1", false, s.name().equals(FLARE), List.of("test")));
        }
        String file = SwarmStackFile.render(new PlannedStack(plan, new Renderer().render(plan)),
                new HostLayout(List.of("h1", "h2"), services, "h1")).orElseThrow().text();
        manager.target().files().mkdirs(stackDir() + "/swarm");
        manager.target().files().writeAtomic(stackDir() + "/" + SwarmStackFile.PATH, file.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0644);
    }

    private static void label(NamespaceHost manager, NamespaceHost host) {
        manager.docker("node", "update", "--label-add", "berth.host=" + host.name(), host.docker("info", "--format", "{{.Swarm.NodeID}}").strip());
    }

    private static String nodeId(NamespaceHost manager, String host) {
        return manager.docker("node", "ls", "-q", "--filter", "node.label=berth.host=" + host).strip();
    }

    private static String nodeLabel(NamespaceHost manager, String host) {
        return manager.docker("node", "inspect", "--format", "{{index .Spec.Labels \"" + SwarmStackFile.nodeLabel(project) + "\"}}",
                nodeId(manager, host)).strip().replace("<no value>", "");
    }

    /** The host (its berth.host label) whose node runs the service's task now; "" while none runs. */
    private static String runningOn(NamespaceHost manager) {
        String tasks = manager.docker("service", "ps", "-q", "--filter", "desired-state=running", project + "_" + FLARE).strip();
        for (String task : tasks.lines().toList()) {
            if (manager.docker("inspect", "--format", "{{.Status.State}}", task).strip().equals("running")) {
                String node = manager.docker("inspect", "--format", "{{.NodeID}}", task).strip();
                return manager.docker("node", "inspect", "--format", "{{index .Spec.Labels \"berth.host\"}}", node).strip();
            }
        }
        return "";
    }

    /** FlareSolverr's health page fetched by its name over the overlay, from a container on the manager. */
    private static String health(NamespaceHost manager) {
        return manager.tryDocker("run", "--rm", "--network", ClusterSplit.overlayNetwork(project), "--entrypoint", "wget", image,
                "-qO-", "http://" + FLARE + ":8191/health").output();
    }
}

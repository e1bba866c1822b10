package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.HostAnswers;
import dev.berth.answers.PlacementAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.cluster.NamespaceHost;
import dev.berth.engine.cluster.NamespaceHosts;
import dev.berth.engine.cluster.SwarmFabric;
import dev.berth.plan.PlannedService;
import dev.berth.render.ClusterSplit;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.testsupport.NeedsSsh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack of two web apps deployed across two real test hosts through the real path
 * ({@link ClusterDeployer#preview(Answers, DeployOptions)}: resources read, placer, split, each
 * host's preview; then {@link ClusterDeployer#deploy}), with one app pinned to the host the scores
 * would not pick: it lands there, every service comes up on its host, each host's folder holds only
 * its share, a container on one host finds the other host's app by name, and a second deploy
 * changes nothing. One set of hosts for the whole class: the tests run in order, each on what the
 * one before left.
 */
@NeedsDocker
@NeedsSsh
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterDeployEndToEndTest {
    /** The app pinned away from the scores' choice, and the app it calls across hosts. */
    private static final String PINNED = "flaresolverr";
    private static final String CALLED = "prowlarr";

    @TempDir
    static Path work;
    private static NamespaceHosts hosts;
    private static String project;
    private static Path root;
    private static Answers unpinned;
    private static String scoresChoice;
    private static String pinnedHost;
    private static String calledHost;
    private static DeployOptions options;
    private static Map<String, String> idsAfterFirstDeploy;

    @BeforeAll
    static void start() throws Exception {
        hosts = NamespaceHosts.start(2);
        project = DeployFixtures.project();
        root = NamespaceHosts.STACKS.resolve(project);
        Answers base = DeployFixtures.answers(Examples.answers("minimal-jellyfin").withServices(List.of(CALLED, PINNED)), root, project);
        // The stack's folder on each host belongs to the stack's user, as the check's fix says to make it.
        for (NamespaceHost host : hosts.hosts()) {
            Path folder = Files.createDirectories(host.files(root));
            Files.setAttribute(folder, "unix:uid", base.storage().puid());
            Files.setAttribute(folder, "unix:gid", base.storage().pgid());
        }
        hosts.loadImages(new StandInImages(work).build(DeployFixtures.plan(base).services().stream()
                .map(PlannedService::definition).toList()).toArray(String[]::new));
        hosts.loadImages(dev.berth.engine.BusyboxImage.anchor(work));
        // No target of its own: with hosts the first host's is the stack's.
        unpinned = new Answers(base.schemaVersion(), project, null, base.storage(), base.services(), base.vpn(), base.access(),
                base.monitoring(), base.media(), base.portOverrides(), base.backup(), hosts.hosts().stream()
                .map(h -> new HostAnswers(h.name(), new TargetAnswers(TargetAnswers.Kind.SSH, h.address(), 22, "root", null), h.address()))
                .toList(), PlacementAnswers.NONE);
        options = DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(90)).withLocalLogFolder(work);
    }

    @AfterAll
    static void stop() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
    }

    private static ClusterDeployer deployer() {
        return new ClusterDeployer(hosts.clusterHosts(), Catalog.builtIn(), DeployFixtures.CLOCK);
    }

    private static Answers pinned() {
        return unpinned.withHosts(unpinned.hosts(), new PlacementAnswers(Map.of(PINNED, pinnedHost), List.of()));
    }

    @Test
    @Order(1)
    void aPinnedServiceLandsOnItsHostWhereTheScoresPutItElsewhere() throws Exception {
        ClusterPreview scores = deployer().preview(unpinned, options);
        scoresChoice = scores.layout().hostOf(PINNED);
        pinnedHost = scoresChoice.equals("h1") ? "h2" : "h1";

        ClusterPreview preview = deployer().preview(pinned(), options);

        assertEquals(pinnedHost, preview.layout().hostOf(PINNED), preview.layout()::toString);
        assertTrue(preview.layout().services().get(PINNED).pinned(), preview.layout()::toString);
        // The scores put the other app on the other host (the pinned one's memory counted), so the two talk across hosts.
        calledHost = preview.layout().hostOf(CALLED);
        assertNotEquals(pinnedHost, calledHost, preview.layout()::toString);
    }

    @Test
    @Order(2)
    void twoHostsDeployEveryServiceHealthyOnItsHostAndTalkingAcrossByName() throws Exception {
        ClusterPreview preview = deployer().preview(pinned(), options);
        ClusterOutcome outcome = deployer().deploy(preview, p -> { }, () -> false);

        assertInstanceOf(DeploymentResult.Succeeded.class, outcome.result(), () -> DeployFixtures.describe(outcome.result()));
        for (var entry : outcome.hosts().entrySet()) {
            // Up as a single-host deploy counts it: its page answers (Docker's first check may still be pending).
            DeployReport report = entry.getValue().report().orElseThrow();
            assertTrue(report.ok(), () -> entry.getKey() + ": " + report.services());
        }
        NamespaceHost calling = host(pinnedHost);
        NamespaceHost called = host(calledHost);
        assertEquals(java.util.Set.of(PINNED), running(calling), "the pinned app runs on its host, alone");
        assertEquals(java.util.Set.of(CALLED), running(called), "the other app runs on the other host, alone");

        // Each host's folder: its own share and the layout, not the other host's services.
        for (NamespaceHost host : hosts.hosts()) {
            Path stack = host.files(root.resolve("stack"));
            assertTrue(Files.exists(stack.resolve("berth-hosts.yaml")), () -> host + " has no berth-hosts.yaml: " + DeployFixtures.listing(stack));
            String compose = Files.readString(stack.resolve("compose.yaml"));
            String mine = host == calling ? PINNED : CALLED;
            String theirs = host == calling ? CALLED : PINNED;
            assertTrue(compose.contains("  " + mine + ":"), () -> host + "'s compose.yaml lacks " + mine + ":\n" + compose);
            assertFalse(compose.contains("  " + theirs + ":"), () -> host + "'s compose.yaml holds " + theirs + ":\n" + compose);
        }
        assertFalse(Files.exists(calling.files(root.resolve("stack/config/" + CALLED))), "the other app's config folder is on the pinned host");

        // Across hosts by name: a container on the pinned app's host, on the stack's overlay, finds the other
        // host's app at its service name in Docker's DNS, at that container's address on the overlay.
        String overlay = ClusterSplit.overlayNetwork(project);
        String found = calling.docker("run", "--rm", "--network", overlay, SwarmFabric.ANCHOR_IMAGE,
                "sh", "-c", "nslookup " + CALLED + " | awk '/^Address/ {a=$NF} END {print a}'").strip();
        String container = DeployFixtures.containerIds(called.target(), project).get(CALLED);
        String address = called.docker("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + overlay + "\").IPAddress}}", container).strip();
        assertFalse(address.isBlank(), "the other app has no address on the overlay");
        assertEquals(address, found, "the name " + CALLED + " does not lead across hosts to its container");
        idsAfterFirstDeploy = containersWithStartTimes();
    }

    @Test
    @Order(3)
    void aSecondDeployWithNothingChangedChangesNothingOnEitherHost() throws Exception {
        ClusterPreview again = deployer().preview(pinned(), options);

        for (var entry : again.hosts().entrySet()) {
            assertTrue(entry.getValue().nothingToChange(), () -> entry.getKey() + " would change: " + entry.getValue().diff());
        }
        ClusterOutcome outcome = deployer().deploy(again, p -> { }, () -> false);

        assertInstanceOf(DeploymentResult.Succeeded.class, outcome.result(), () -> DeployFixtures.describe(outcome.result()));
        assertEquals(idsAfterFirstDeploy, containersWithStartTimes(), "a container was recreated or restarted");
    }

    private static NamespaceHost host(String name) {
        return hosts.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    /** The services the stack's project runs containers of on one host. */
    private static java.util.Set<String> running(NamespaceHost host) throws Exception {
        return DeployFixtures.containerIds(host.target(), project).keySet();
    }

    /** host/service → container id and start time, on every host. */
    private static Map<String, String> containersWithStartTimes() throws Exception {
        Map<String, String> seen = new TreeMap<>();
        for (NamespaceHost host : hosts.hosts()) {
            for (var c : DeployFixtures.containerIds(host.target(), project).entrySet()) {
                seen.put(host.name() + "/" + c.getKey(), c.getValue() + " " + host.docker("inspect", "-f", "{{.State.StartedAt}}", c.getValue()));
            }
        }
        return seen;
    }
}

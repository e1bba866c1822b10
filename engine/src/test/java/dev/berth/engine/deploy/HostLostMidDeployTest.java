package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.cluster.NamespaceHost;
import dev.berth.engine.cluster.NamespaceHosts;
import dev.berth.plan.HostAssignment;
import dev.berth.plan.HostLayout;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.testsupport.NeedsSsh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real hosts (network namespaces, each with its own engine and sshd), one deploy across both
 * through {@link ClusterDeployer#deploy}: the swarm joined first, then every host's jobs under one undo.
 * The second host is lost (every process of it killed) while its containers start: the first
 * host is rolled back to what it was (no container, no stack folder), and what could not be
 * undone is named with the lost host.
 */
@NeedsDocker
@NeedsSsh
class HostLostMidDeployTest {
    @TempDir
    Path work;
    private NamespaceHosts hosts;

    @AfterEach
    void stop() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    void losingTheSecondHostWhileItsContainersStartRollsTheFirstHostBack() throws Exception {
        hosts = NamespaceHosts.start(2);
        NamespaceHost first = hosts.host(1);
        NamespaceHost second = hosts.host(2);
        String project = DeployFixtures.project();
        Path root = NamespaceHosts.STACKS.resolve(project);
        Answers answers = DeployFixtures.answers(Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin")), root, project);
        // The stack's folder on each host belongs to the stack's user, as the preflight's fix says to make it.
        for (NamespaceHost host : hosts.hosts()) {
            Path folder = Files.createDirectories(host.files(root));
            Files.setAttribute(folder, "unix:uid", answers.storage().puid());
            Files.setAttribute(folder, "unix:gid", answers.storage().pgid());
        }
        hosts.loadImages(new StandInImages(work).build(DeployFixtures.plan(answers).services().stream()
                .map(PlannedService::definition).toList()).toArray(String[]::new));
        hosts.loadImages(dev.berth.engine.BusyboxImage.anchor(work));
        DeployOptions options = DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(60)).withLocalLogFolder(work);

        // Each host's part previewed as its own (a stack of one service per host), placed by hand:
        // this test is about the deploy across hosts, not about the placer or the split.
        java.util.Map<String, DeployPreview> previews = new java.util.LinkedHashMap<>();
        for (NamespaceHost host : hosts.hosts()) {
            previews.put(host.name(), new StackDeployer(host.target(), Catalog.builtIn(), DeployFixtures.CLOCK).preview(answers, options));
        }
        DeployPreview firstPart = previews.get("h1");
        HostLayout layout = new HostLayout(List.of("h1", "h2"),
                java.util.Map.of("jellyfin", new HostAssignment("jellyfin", "h1", true, false, List.of("pinned"))), "h1");
        AtomicBoolean lost = new AtomicBoolean();
        List<HostProgress> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.function.Consumer<HostProgress> listener = p -> {
            seen.add(p);
            // The power cut: as the second host's containers are about to start.
            if (p.host().equals("h2") && p.progress() instanceof DeployProgress.Step s && s.event() instanceof DeploymentEvent.Started started
                    && started.job() instanceof ComposeUpJob && lost.compareAndSet(false, true)) {
                try {
                    second.kill();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };

        ClusterOutcome outcome = new ClusterDeployer(hosts.clusterHosts(), Catalog.builtIn(), DeployFixtures.CLOCK)
                .deploy(new ClusterPreview(firstPart.plan(), layout, previews), listener, () -> false);
        DeploymentResult result = outcome.result();

        assertTrue(lost.get(), () -> "the second host was never lost: its compose up did not start: " + DeployFixtures.describe(result));
        DeploymentResult.RolledBack rolledBack = assertInstanceOf(DeploymentResult.RolledBack.class, result);
        assertTrue(rolledBack.failedJob().description().startsWith("h2: "), rolledBack.failedJob().description());
        assertTrue(DeployFixtures.containerIds(first.target(), project).isEmpty(), "the first host still runs the stack's containers");
        // As a single-host first install rolled back after compose up: no stack stands there (no berth.yaml, no compose.yaml).
        Path stack = first.files(root.resolve("stack"));
        assertFalse(Files.exists(stack.resolve("berth.yaml")) || Files.exists(stack.resolve("compose.yaml")),
                () -> "the first host keeps the stack's files: " + DeployFixtures.listing(stack));
        assertFalse(rolledBack.undoErrors().isEmpty(), "nothing on the lost host was reported as left undone");
        // What stayed undone is on the lost host: its jobs, and its leaving the swarm.
        assertTrue(rolledBack.undoErrors().stream().anyMatch(e -> e.job().description().startsWith("h2: ")), rolledBack.undoErrors()::toString);
        assertTrue(rolledBack.undoErrors().stream().allMatch(e -> e.job().description().startsWith("h2: ")
                || e.job() instanceof SwarmFabricJob), rolledBack.undoErrors()::toString);
        assertEquals("inactive", first.docker("info", "--format", "{{.Swarm.LocalNodeState}}").strip(), "the first host stays in the swarm");
        assertTrue(seen.stream().anyMatch(p -> p.host().isEmpty()), "the swarm's own steps were not reported");
        assertTrue(outcome.hosts().keySet().containsAll(List.of("h1", "h2")), outcome.hosts()::toString);
    }
}

package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedStack;
import dev.berth.render.Renderer;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Example stacks deployed for real into a temp folder, under a project name of their own. */
final class DeployFixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:15:00Z"), ZoneOffset.UTC);
    static final Planner PLANNER = new Planner(Catalog.builtIn());

    private DeployFixtures() {
    }

    /** A project name no other test run uses, so parallel runs on one engine do not meet. */
    static String project() {
        return "berthtest" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * An example's answers with every folder under {@code root}, a project of its own, and each web
     * port moved to a free host port (another stack on this engine may hold the defaults).
     */
    static Answers answers(String example, Path root, String project) {
        return answers(Examples.answers(example), root, project);
    }

    /** The same for answers of the test's own. */
    static Answers answers(Answers a, Path root, String project) {
        StorageAnswers s = a.storage();
        a = new Answers(a.schemaVersion(), project, a.target(), new StorageAnswers(root.resolve("stack").toString(),
                root.resolve("data").toString(), root.resolve("stack/config").toString(), s.puid(), s.pgid(), s.timeZone(),
                false), a.services(), a.vpn(), a.access(), a.monitoring(), a.media(), a.portOverrides(), a.backup());
        Map<String, Integer> ports = new TreeMap<>();
        for (var svc : PLANNER.plan(a, Map.of()).services()) {
            if (svc.hostWebPort() != 0) {
                ports.put(svc.definition().id(), freePort());
            }
        }
        return a.withPortOverrides(ports);
    }

    /** The minimal-jellyfin example for a test project under {@code root}, with its stand-in images built. */
    static StackPlan minimalWithStandIns(Path root, String project) {
        StackPlan plan = plan(answers("minimal-jellyfin", root, project));
        new StandInImages(root).build(plan.services().stream().map(dev.berth.plan.PlannedService::definition).toList());
        return plan;
    }

    /** Ports handed out in this test run: the kernel may offer a port again once its socket closed. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A host port free now and not handed out before in this run. Without the second rule, two
     * services of one stack could get the same port (the kernel picks bind(0)'s port at random, and
     * the socket is closed before the next pick), and the planner rightly refuses such answers.
     */
    static int freePort() {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static StackPlan plan(Answers answers) {
        return PLANNER.plan(answers, Map.of());
    }

    /** The jobs of a deploy, in the order the deployer will use them. */
    static List<Job> jobs(Target target, StackPlan plan, ComposeTool compose) throws Exception {
        RenderedStack stack = new Renderer().render(plan);
        String dir = plan.answers().storage().stackDir();
        StackState state = StackState.loadForDeploy(target, dir, stack.files().keySet(), false);
        return List.of(
                new RestorePreviousStackJob(compose, plan.projectName(), dir),
                new CreateDataDirectoriesJob(plan, Optional.empty()),
                new WriteFilesJob(state, stack, Optional.empty()),
                new PullImagesJob(plan, true),
                new ComposeUpJob(compose, plan.projectName(), dir));
    }

    static DeploymentResult deploy(Target target, StackPlan plan, ComposeTool compose) throws Exception {
        return new Deployment(jobs(target, plan, compose)).run(new JobContext(target, CLOCK));
    }

    /** Container id by compose service name. */
    static Map<String, String> containerIds(Target target, String project) throws Exception {
        Map<String, String> ids = new TreeMap<>();
        for (Container c : StackContainers.of(target, project)) {
            ids.put(c.getLabels().get(ComposeLabels.SERVICE), c.getId());
        }
        return ids;
    }

    /** Removes the project's containers and networks, whatever state a test left them in. */
    static void removeProject(Target target, String project) {
        try {
            DockerClient docker = target.docker();
            for (Container c : StackContainers.of(target, project)) {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
            }
            for (Network n : docker.listNetworksCmd().exec()) {
                if (n.getLabels() != null && project.equals(n.getLabels().get(ComposeLabels.PROJECT))) {
                    docker.removeNetworkCmd(n.getId()).exec();
                }
            }
            // Named volumes too (Redis's data in the full stack): left behind, every run adds one more.
            for (InspectVolumeResponse v : docker.listVolumesCmd().exec().getVolumes()) {
                if (v.getLabels() != null && project.equals(v.getLabels().get(ComposeLabels.PROJECT))) {
                    docker.removeVolumeCmd(v.getName()).exec();
                }
            }
        } catch (Exception e) {
            System.err.println("cleaning up " + project + ": " + e);
        }
    }

    /** The files under {@code folder}, relative, for an assertion's message. */
    static String listing(Path folder) {
        try (var files = java.nio.file.Files.walk(folder)) {
            return files.map(folder::relativize).map(Path::toString).toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** A deploy's result for an assertion's message: where a rollback started and what it left undone. */
    static String describe(DeploymentResult result) {
        return switch (result) {
            case DeploymentResult.RolledBack rb -> "failed at " + rb.failedJob().description() + ": " + rb.cause() + "; not undone: " + rb.undoErrors();
            default -> result.toString();
        };
    }
}

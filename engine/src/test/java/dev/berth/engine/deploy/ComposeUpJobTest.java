package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import dev.berth.answers.Answers;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.NeedsDocker;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Deploys the minimal example for real, with each Compose this machine has. */
@NeedsDocker
class ComposeUpJobTest {
    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private String project;

    static ComposeTool[] composes() {
        return new ComposeTool[] {ComposeTool.PLUGIN, ComposeTool.STANDALONE_V1};
    }

    @BeforeEach
    void setUp() {
        dev.berth.engine.RequiresDocker.engine();
        project = DeployFixtures.project();
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(target, project);
        target.close();
    }

    private StackPlan minimal() {
        return DeployFixtures.minimalWithStandIns(root, project);
    }

    @ParameterizedTest
    @MethodSource("composes")
    void deploysTheStackAndADeployOfTheSameFilesRecreatesNothing(ComposeTool compose) throws Exception {
        StackPlan plan = minimal();
        long start = System.nanoTime();
        DeploymentResult first = DeployFixtures.deploy(target, plan, compose);
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(DeploymentResult.Succeeded.class, first, () -> first.toString());
        Map<String, String> before = DeployFixtures.containerIds(target, project);
        assertEquals(plan.services().size(), before.size(), before::toString);
        for (Container c : StackContainers.of(target, project)) {
            assertEquals("running", c.getState(), c.getNames()[0]);
        }
        assertTrue(Files.isDirectory(root.resolve("data/media")), "data folders made before up");

        start = System.nanoTime();
        DeploymentResult again = DeployFixtures.deploy(target, DeployFixtures.plan(plan.answers()), compose);
        long againMs = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(DeploymentResult.Succeeded.class, again, () -> again.toString());
        assertEquals(before, DeployFixtures.containerIds(target, project), "no container recreated");
        System.out.println("[timing] " + String.join(" ", compose.prefix()) + ": first deploy " + firstMs
                + " ms, unchanged re-deploy " + againMs + " ms");
    }

    @ParameterizedTest
    @MethodSource("composes")
    void aFailedFirstInstallLeavesNoContainers(ComposeTool compose) throws Exception {
        StackPlan plan = minimal();
        int port = plan.services().getFirst().hostWebPort();
        // Something else holds the published port: Docker cannot start the container.
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", port));
            DeploymentResult r = DeployFixtures.deploy(target, plan, compose);
            DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, r);
            assertInstanceOf(ComposeUpJob.class, rb.failedJob());
            assertTrue(rb.undoErrors().isEmpty(), () -> rb.undoErrors().toString());
            assertTrue(rb.cause().getMessage().contains(String.valueOf(port)), rb.cause().getMessage());
        }
        assertEquals(Map.of(), DeployFixtures.containerIds(target, project), "first install removed again");
        assertFalse(Files.exists(root.resolve("stack/compose.yaml")), "new files removed again");
    }

    @ParameterizedTest
    @MethodSource("composes")
    void aFailedReDeployBringsThePreviousStackBack(ComposeTool compose) throws Exception {
        StackPlan plan = minimal();
        assertInstanceOf(DeploymentResult.Succeeded.class, DeployFixtures.deploy(target, plan, compose));
        String oldCompose = Files.readString(root.resolve("stack/compose.yaml"));
        int oldPort = plan.services().getFirst().hostWebPort();

        int newPort = DeployFixtures.freePort();
        Answers moved = plan.answers().withPortOverrides(Map.of("jellyfin", newPort));
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", newPort));
            DeploymentResult r = DeployFixtures.deploy(target, DeployFixtures.plan(moved), compose);
            DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, r);
            assertInstanceOf(ComposeUpJob.class, rb.failedJob());
            assertTrue(rb.undoErrors().isEmpty(), () -> rb.undoErrors().toString());
        }
        assertEquals(oldCompose, Files.readString(root.resolve("stack/compose.yaml")), "previous files back");
        var containers = StackContainers.of(target, project);
        assertEquals(1, containers.size());
        Container c = containers.getFirst();
        assertEquals("running", c.getState());
        assertTrue(java.util.Arrays.stream(c.getPorts()).anyMatch(p -> p.getPublicPort() != null && p.getPublicPort() == oldPort),
                "previous port published again");
    }
}

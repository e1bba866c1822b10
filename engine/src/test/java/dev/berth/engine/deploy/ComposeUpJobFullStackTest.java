package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.dockerjava.api.model.Container;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full example (VPN via /dev/net/tun, NPM, Authelia, monitoring) deployed with Compose v2. */
@NeedsDocker
class ComposeUpJobFullStackTest {
    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private String project;

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = DeployFixtures.project();
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(target, project);
        target.close();
    }

    @Test
    void theFullStackComesUpAndAnUnchangedReDeployRecreatesNothing() throws Exception {
        StackPlan full = DeployFixtures.plan(DeployFixtures.answers("full-wireguard", root, project));
        new StandInImages(root).build(full.services().stream().map(PlannedService::definition).toList());
        StackPlan plan = withoutPrivilegedWhereNotAllowed(full);
        long start = System.nanoTime();
        DeploymentResult first = DeployFixtures.deploy(target, plan, ComposeTool.PLUGIN);
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(DeploymentResult.Succeeded.class, first, first::toString);
        Map<String, String> before = DeployFixtures.containerIds(target, project);
        assertEquals(plan.services().size(), before.size(), before::toString);
        for (Container c : StackContainers.of(target, project)) {
            assertEquals("running", c.getState(), c.getNames()[0] + " " + c.getStatus());
        }
        start = System.nanoTime();
        DeploymentResult again = DeployFixtures.deploy(target, withoutPrivilegedWhereNotAllowed(DeployFixtures.plan(plan.answers())),
                ComposeTool.PLUGIN);
        long againMs = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(DeploymentResult.Succeeded.class, again, again::toString);
        assertEquals(before, DeployFixtures.containerIds(target, project), "no container recreated");
        System.out.println("[timing] full stack (" + before.size() + " containers), docker compose: first deploy " + firstMs
                + " ms, unchanged re-deploy " + againMs + " ms");
    }

    /**
     * cAdvisor runs privileged; a Docker engine that itself runs in an unprivileged container (as
     * on some CI machines) cannot start privileged containers ("unable to apply caps"). There the
     * stack is deployed without it: nothing depends on it.
     */
    private StackPlan withoutPrivilegedWhereNotAllowed(StackPlan plan) {
        var probe = dev.berth.testsupport.ExternalTool.run(root, java.util.List.of("docker", "run", "--rm", "--privileged",
                "--entrypoint", "/bin/busybox", plan.service("jellyfin").orElseThrow().definition().image().reference(), "true"));
        if (probe.exitCode() == 0) {
            return plan;
        }
        System.out.println("[note] this engine cannot run privileged containers: deploying without cadvisor");
        return new StackPlan(plan.answers(), plan.services().stream().filter(s -> s.definition().run() == null || !s.definition().run().privileged()).toList(),
                plan.additions(), plan.suggestions(), plan.portMoves(), plan.secrets(), plan.dataDirectories(), plan.namedVolumes());
    }
}

package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 7: the stack folder on a small tmpfs that fills up. */
@NeedsDocker
class StackDeployerDiskFullTest {
    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private String project;
    private Path stack;
    private boolean mounted;

    @BeforeEach
    void setUp() throws Exception {
        RequiresDocker.engine();
        if (!"root".equals(System.getProperty("user.name"))) {
            ExternalTool.skipOrFail("mounting a small tmpfs for the stack folder needs root");
        }
        project = DeployFixtures.project();
        stack = Files.createDirectories(root.resolve("stack"));
        ExternalTool.Result m = ExternalTool.run(root, List.of("mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", stack.toString()));
        assertEquals(0, m.exitCode(), m::toString);
        mounted = true;
        ExternalTool.run(root, List.of("chown", "1000:1000", stack.toString()));
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(target, project);
        target.close();
        if (mounted) {
            ExternalTool.run(root, List.of("umount", "-l", stack.toString()));
        }
    }

    @Test
    void aFullDiskIsSaidPlainlyAndTheOldFilesStay() throws Exception {
        Answers small = DeployFixtures.answers("minimal-jellyfin", root, project);
        new StandInImages(root).build(DeployFixtures.plan(small).services().stream().map(PlannedService::definition).toList());
        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);
        DeployOptions options = DeployOptions.DEFAULT.withOffline(true);
        assertTrue(deployer.deploy(deployer.preview(small, options), p -> { }, () -> false).succeeded());
        Map<String, byte[]> old = files();

        // Leave a few kilobytes: less than the bigger stack's files need.
        long free = Files.getFileStore(stack).getUsableSpace();
        Path filler = stack.resolve("filler");
        ExternalTool.Result dd = ExternalTool.run(root, List.of("dd", "if=/dev/zero", "of=" + filler, "bs=1024",
                "count=" + (free / 1024 - 4)));
        assertEquals(0, dd.exitCode(), dd::toString);

        Answers bigger = small.withServices(List.of("jellyfin", "sonarr", "radarr"));
        new StandInImages(root).build(DeployFixtures.plan(bigger).services().stream().map(PlannedService::definition).toList());
        DeployOutcome outcome = deployer.deploy(deployer.preview(bigger, options), p -> { }, () -> false);
        DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, outcome.result(), outcome::toString);
        assertTrue(rb.cause().getMessage().contains("the disk is full"), rb.cause().getMessage());
        Map<String, byte[]> after = files();
        for (Map.Entry<String, byte[]> e : old.entrySet()) {
            assertArrayEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " as it was");
        }
        try (Stream<Path> walk = Files.walk(stack)) {
            assertEquals(List.of(), walk.filter(p -> p.getFileName().toString().endsWith(".berth-tmp")).toList(),
                    "no staged file left behind");
        }

        Files.delete(filler);
        DeployOutcome again = deployer.deploy(deployer.preview(bigger, options), p -> { }, () -> false);
        assertTrue(again.succeeded(), again::toString);
    }

    private Map<String, byte[]> files() throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(stack)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = stack.relativize(p).toString();
                if (!rel.startsWith(".berth/") && !rel.equals("filler")) {
                    out.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }
}

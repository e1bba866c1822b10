package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Healthcheck;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every stand-in of the example stacks passes the very health check the catalog gives its
 * service, run inside the container as Docker would, with the service's user, command and port
 * variable from the plan.
 */
@NeedsDocker
class StandInImagesTest {
    @TempDir
    Path work;
    private final String run = "berthstandin" + java.util.UUID.randomUUID().toString().substring(0, 8);
    private final List<String> containers = new ArrayList<>();

    @AfterEach
    void tearDown() {
        for (String c : containers) {
            ExternalTool.run(work, List.of("docker", "rm", "-f", c));
        }
    }

    @Test
    void everyStandInOfTheExamplesPassesItsCatalogHealthCheck() throws Exception {
        Map<String, PlannedService> services = new LinkedHashMap<>();
        for (String example : List.of("minimal-jellyfin", "full-wireguard")) {
            var plan = DeployFixtures.plan(DeployFixtures.answers(example, work, DeployFixtures.project()));
            plan.services().forEach(s -> services.putIfAbsent(s.name(), s));
        }
        StandInImages images = new StandInImages(work);
        long start = System.nanoTime();
        images.build(services.values().stream().map(PlannedService::definition).toList());
        System.out.println("[timing] stand-ins for " + services.size() + " services: " + (System.nanoTime() - start) / 1_000_000 + " ms");
        start = System.nanoTime();
        images.build(services.values().stream().map(PlannedService::definition).toList());
        long cachedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[timing] again, all cached: " + cachedMs + " ms");

        for (PlannedService s : services.values()) {
            List<String> argv = new ArrayList<>(List.of("docker", "run", "-d", "--name", run + "-" + s.name()));
            String portEnv = s.definition().web() == null ? null : s.definition().web().portEnv();
            if (portEnv != null && s.environment().containsKey(portEnv)) {
                argv.addAll(List.of("-e", portEnv + "=" + s.environment().get(portEnv)));
            }
            if (s.user() != null) {
                argv.addAll(List.of("--user", s.user()));
            }
            argv.add(s.definition().image().reference());
            argv.addAll(s.command());
            docker(argv);
            containers.add(run + "-" + s.name());
        }
        for (PlannedService s : services.values()) {
            String name = run + "-" + s.name();
            Healthcheck h = s.healthcheck();
            if (h != null && !h.test().isEmpty()) {
                List<String> check = new ArrayList<>(List.of("docker", "exec", name));
                if (h.test().getFirst().equals("CMD-SHELL")) {
                    check.addAll(List.of("sh", "-c", h.test().get(1)));
                } else {
                    check.addAll(h.test().subList(1, h.test().size()));
                }
                awaitOk(check, s.name() + " " + h.test());
            } else if (h != null && h.builtin()) {
                awaitOk(List.of("sh", "-c", "docker inspect -f '{{.State.Health.Status}}' " + name + " | grep -qx healthy"),
                        s.name() + " builtin HEALTHCHECK");
            } else {
                assertEquals("running", docker(List.of("docker", "inspect", "-f", "{{.State.Status}}", name)).strip(), s.name());
            }
        }
    }

    @Test
    void failingVariantsExitOrNeverTurnHealthy() throws Exception {
        ServiceDefinition jellyfin = dev.berth.catalog.Catalog.builtIn().get("jellyfin");
        StandInImages images = new StandInImages(work);
        String exits = images.buildFailing(jellyfin, StandInImages.Failure.EXITS, "berth-test/failing-exits:1");
        String sick = images.buildFailing(jellyfin, StandInImages.Failure.NEVER_HEALTHY, "berth-test/failing-sick:1");
        containers.add(run + "-exits");
        containers.add(run + "-sick");
        docker(List.of("docker", "run", "-d", "--name", run + "-exits", exits));
        docker(List.of("docker", "run", "-d", "--name", run + "-sick", sick));
        awaitOk(List.of("sh", "-c", "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' " + run + "-exits | grep -qx 'exited 1'"), "exits 1");
        awaitOk(List.of("sh", "-c", "docker inspect -f '{{.State.Health.Status}}' " + run + "-sick | grep -qx unhealthy"), "turns unhealthy");
        assertTrue(ExternalTool.run(work, List.of("docker", "logs", run + "-exits")).output().contains("failing on purpose"));
    }

    private String docker(List<String> argv) {
        ExternalTool.Result r = ExternalTool.run(work, argv);
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.output());
        return r.output();
    }

    private void awaitOk(List<String> argv, String what) {
        Await.until(what + " (" + String.join(" ", argv) + " to succeed)", () -> ExternalTool.run(work, argv), r -> r.exitCode() == 0);
    }
}

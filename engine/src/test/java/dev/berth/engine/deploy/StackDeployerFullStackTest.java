package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.health.ServiceState;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 1: the full example deployed on this computer, every service up, the report right. */
@NeedsDocker
class StackDeployerFullStackTest {
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
    void theFullStackComesUpWithEveryServiceInTheReport() throws Exception {
        Answers answers = FullStack.answers(root, project, 1000, 1000);
        Recorded progress = new Recorded();
        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);
        DeployPreview preview = deployer.preview(answers, FullStack.options());
        long start = System.nanoTime();
        DeployOutcome outcome = deployer.deploy(preview, progress, () -> false);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(outcome.succeeded(), outcome::toString);

        StackPlan plan = preview.plan();
        DeployReport report = outcome.report().orElseThrow();
        assertEquals(plan.services().stream().map(PlannedService::name).toList(),
                report.services().stream().map(DeployReport.ServiceReport::service).toList());
        for (DeployReport.ServiceReport s : report.services()) {
            assertTrue(s.up(), s::toString);
            assertTrue(s.logTail().isEmpty(), s::toString);
            PlannedService planned = plan.service(s.service()).orElseThrow();
            if (planned.hostWebPort() != 0) {
                assertEquals("http://localhost:" + planned.hostWebPort() + "/", s.url(), s::toString);
            }
        }
        assertEquals(ServiceState.HEALTHY, report.service("gluetun").orElseThrow().state());
        assertNotNull(report.service("authelia").orElseThrow().url());
        assertEquals(plan.services().size(), DeployFixtures.containerIds(target, project).size());
        // The stand-ins answer their health path only: every app's wiring needs attention, and the deploy stands.
        var wiring = outcome.wiring().orElseThrow(() -> new AssertionError("the wiring did not run"));
        for (String app : java.util.List.of("Sonarr", "Radarr", "Lidarr", "Prowlarr")) {
            assertTrue(wiring.links().stream().anyMatch(l -> l.from().equals(app)), app + " not wired: " + wiring);
        }
        assertTrue(progress.saw(DeployProgress.Wiring.class));
        assertTrue(java.nio.file.Files.exists(java.nio.file.Path.of(plan.answers().storage().stackDir(), ".berth", "wiring.json")));
        progress.assertNoSecretIn(root, plan.secrets(), outcome.toString(), preview.diff().render());
        System.out.println("[timing] StackDeployer full stack (" + plan.services().size() + " services), first deploy "
                + ms + " ms");
    }
}

package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.health.ServiceHealth;
import dev.berth.engine.health.ServiceState;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedFile;
import dev.berth.render.RenderedStack;
import dev.berth.render.Renderer;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last deploy step, for real: the minimal example comes up healthy, or a never-healthy one is rolled back. */
@NeedsDocker
class AwaitHealthJobTest {
    /** The failing stand-in lives under a tag of its own: the catalog's tag stays the working stand-in for other tests. */
    private static final String NEVER_HEALTHY_TAG = "berth-test/jellyfin-never-healthy:latest";

    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private String project;

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

    @Test
    void waitsUntilJellyfinIsHealthyAndReportsIt() throws Exception {
        StackPlan plan = minimal();
        List<ServiceHealth> seen = new CopyOnWriteArrayList<>();
        AwaitHealthJob await = new AwaitHealthJob(plan, Duration.ofMinutes(2));
        assertEquals("Wait until every service is healthy (up to 2 min)", await.description());
        List<Job> jobs = new ArrayList<>(DeployFixtures.jobs(target, plan, ComposeTool.PLUGIN));
        jobs.add(await);

        JobContext context = new JobContext(target, DeployFixtures.CLOCK).withProgress(p -> {
            if (p instanceof DeployProgress.Health h) {
                seen.add(h.health());
            }
        });
        DeploymentResult r = new Deployment(jobs).run(context);

        assertInstanceOf(DeploymentResult.Succeeded.class, r, r::toString);
        DeployReport report = context.outcomes().get(AwaitHealthJob.REPORT).orElseThrow();
        assertTrue(report.ok(), report::toString);
        DeployReport.ServiceReport jellyfin = report.service("jellyfin").orElseThrow();
        // Up once its health page answers, which may come before Docker's first check.
        assertTrue(jellyfin.up() && (jellyfin.state() == ServiceState.HEALTHY || jellyfin.state() == ServiceState.STARTING),
                report::toString);
        assertEquals("http://localhost:" + plan.service("jellyfin").orElseThrow().hostWebPort() + "/", jellyfin.url());
        assertEquals(List.of(), jellyfin.logTail());
        assertTrue(seen.stream().anyMatch(h -> h.service().equals("jellyfin")
                && (h.state() == ServiceState.HEALTHY || h.probe() != null && h.probe().ok())), seen::toString);
    }

    /**
     * Docker runs a health check's first run one interval after the start (here an hour): a web
     * app whose health page answers is up for the deploy before Docker calls it healthy.
     */
    @Test
    void anAppAnsweringItsHealthPageIsUpBeforeDockersFirstCheck() throws Exception {
        StackPlan plan = minimal();
        AwaitHealthJob await = new AwaitHealthJob(plan, Duration.ofMinutes(2));
        JobContext context = new JobContext(target, DeployFixtures.CLOCK);

        DeploymentResult r = new Deployment(jobsWithCompose(plan, c -> c.replace("interval: 30s", "interval: 1h"), await))
                .run(context);

        assertInstanceOf(DeploymentResult.Succeeded.class, r, r::toString);
        DeployReport.ServiceReport jellyfin = context.outcomes().get(AwaitHealthJob.REPORT).orElseThrow().service("jellyfin")
                .orElseThrow();
        assertEquals(ServiceState.STARTING, jellyfin.state(), "Docker has not checked it yet: " + jellyfin);
        assertTrue(jellyfin.up(), jellyfin::toString);
    }

    @Test
    void aServiceThatNeverTurnsHealthyRollsTheFirstInstallBackWithItsLogInTheReport() throws Exception {
        StackPlan plan = minimal();
        PlannedService jellyfin = plan.service("jellyfin").orElseThrow();
        new StandInImages(root).buildFailing(jellyfin.definition(), StandInImages.Failure.NEVER_HEALTHY, NEVER_HEALTHY_TAG);
        AwaitHealthJob await = new AwaitHealthJob(plan, Duration.ofSeconds(20));

        JobContext context = new JobContext(target, DeployFixtures.CLOCK);
        DeploymentResult r = new Deployment(jobsWithImage(plan, jellyfin.definition().image().reference(), NEVER_HEALTHY_TAG, await))
                .run(context);

        DeploymentResult.RolledBack rb = assertInstanceOf(DeploymentResult.RolledBack.class, r, r::toString);
        assertSame(await, rb.failedJob());
        assertTrue(rb.undoErrors().isEmpty(), () -> rb.undoErrors().toString());
        ServicesNotUpException e = assertInstanceOf(ServicesNotUpException.class, rb.cause());
        assertTrue(e.getMessage().contains("jellyfin: "), e.getMessage());
        assertTrue(e.notUp().containsKey("jellyfin"));
        assertEquals(Map.of(), DeployFixtures.containerIds(target, project), "first install removed again");

        DeployReport report = context.outcomes().get(AwaitHealthJob.REPORT).orElseThrow();
        assertSame(report, e.report());
        assertFalse(report.ok());
        DeployReport.ServiceReport s = report.service("jellyfin").orElseThrow();
        assertFalse(s.up());
        assertTrue(s.state() == ServiceState.STARTING || s.state() == ServiceState.UNHEALTHY, s::toString);
        assertFalse(s.logTail().isEmpty(), s::toString);
        assertTrue(s.logTail().stream().anyMatch(l -> l.contains("never healthy")), s.logTail()::toString);
    }

    /** The deploy's jobs with one image reference in the written compose file swapped for a test tag. */
    private List<Job> jobsWithImage(StackPlan plan, String image, String replacement, AwaitHealthJob await) throws Exception {
        return jobsWithCompose(plan, compose -> {
            assertTrue(compose.contains("image: " + image), compose);
            return compose.replace("image: " + image, "image: " + replacement);
        }, await);
    }

    /** The deploy's jobs with the written compose file changed by {@code edit}. */
    private List<Job> jobsWithCompose(StackPlan plan, java.util.function.UnaryOperator<String> edit, AwaitHealthJob await)
            throws Exception {
        RenderedStack rendered = new Renderer().render(plan);
        Map<String, RenderedFile> files = new LinkedHashMap<>(rendered.files());
        String compose = rendered.text("compose.yaml");
        String edited = edit.apply(compose);
        assertFalse(edited.equals(compose), "the edit changed nothing in compose.yaml");
        files.put("compose.yaml", RenderedFile.text(edited));
        RenderedStack stack = new RenderedStack(files);
        String dir = plan.answers().storage().stackDir();
        StackState state = StackState.loadForDeploy(target, dir, stack.files().keySet(), false);
        return List.of(
                new RestorePreviousStackJob(ComposeTool.PLUGIN, plan.projectName(), dir),
                new CreateDataDirectoriesJob(plan, Optional.empty()),
                new WriteFilesJob(state, stack, Optional.empty()),
                new PullImagesJob(java.util.regex.Pattern.compile("(?m)^    image: (\\S+)$").matcher(edited).results()
                        .map(m -> m.group(1)).toList(), true),
                new ComposeUpJob(ComposeTool.PLUGIN, plan.projectName(), dir),
                await);
    }
}

package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.answers.Answers;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings-file job in a real deploy on this engine (stand-in images): a download client
 * that runs is stopped before Berth writes its settings file, the file keeps the person's lines,
 * {@code compose up} starts the client again, a deploy with nothing to set neither writes nor
 * stops it, and a later job that fails puts the file back as it was.
 */
@NeedsDocker
class ClientSettingsDeployTest {
    private static final String SERVICE = "transmission";

    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private String project;
    private StackPlan plan;
    private Path file;
    private final Recorded progress = new Recorded();

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = DeployFixtures.project();
        Answers base = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", SERVICE));
        Answers answers = DeployFixtures.answers(base, root, project);
        plan = DeployFixtures.plan(answers);
        new StandInImages(root).build(plan.services().stream().map(dev.berth.plan.PlannedService::definition).toList());
        file = Path.of(plan.answers().storage().configRoot(), SERVICE, "settings.conf");
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(target, project);
        target.close();
    }

    private KeyValueSettings settings(String password) {
        Map<String, String> owned = new LinkedHashMap<>();
        owned.put("rpc-username", "admin");
        owned.put("rpc-password", password);
        return new KeyValueSettings(SERVICE, file.toString(), owned);
    }

    /** The deployer's jobs, with the settings job where the deployer puts it (after the files) and {@code last} at the end. */
    private DeploymentResult deploy(List<ClientSettingsJob.Planned> planned, Job last) throws Exception {
        List<Job> jobs = new ArrayList<>(DeployFixtures.jobs(target, plan, ComposeTool.PLUGIN));
        int afterFiles = jobs.indexOf(jobs.stream().filter(WriteFilesJob.class::isInstance).findFirst().orElseThrow()) + 1;
        jobs.add(afterFiles, new ClientSettingsJob(ComposeTool.PLUGIN, project, plan.answers().storage().stackDir(), planned,
                Optional.empty(), plan.secrets().values()));
        if (last != null) {
            jobs.add(last);
        }
        return new Deployment(jobs).run(new JobContext(target, DeployFixtures.CLOCK, () -> false, progress, new JobOutcomes()));
    }

    private InspectContainerResponse client() throws Exception {
        String id = DeployFixtures.containerIds(target, project).get(SERVICE);
        return target.docker().inspectContainerCmd(id).exec();
    }

    @Test
    void aRunningClientIsStoppedBeforeTheWriteAndANothingToSetDeployLeavesItRunning() throws Exception {
        assertInstanceOf(DeploymentResult.Succeeded.class, DeployFixtures.deploy(target, plan, ComposeTool.PLUGIN));
        assertTrue(client().getState().getRunning());
        String started = client().getState().getStartedAt();
        Files.writeString(file, "speed-limit=50\nrpc-username=someone\n");

        List<ClientSettingsJob.Planned> planned = ClientSettingsJob.plan(target, List.of(settings("Secret-One-123")), List.of());
        assertEquals(List.of("rpc-username", "rpc-password"), planned.getFirst().keys());
        assertInstanceOf(DeploymentResult.Succeeded.class, deploy(planned, null));
        String merged = "speed-limit=50\nrpc-username=admin\nrpc-password=Secret-One-123\n";
        assertEquals(merged, Files.readString(file));
        InspectContainerResponse after = client();
        assertTrue(after.getState().getRunning(), "compose up started it again");
        assertFalse(started.equals(after.getState().getStartedAt()), "it was stopped and started");
        Instant stopped = Instant.parse(after.getState().getFinishedAt());
        Instant written = Files.getLastModifiedTime(file).toInstant();
        assertFalse(written.isBefore(stopped), "written " + written + ", after the client stopped at " + stopped);

        // Nothing to set: not planned, and even the job of the plan before writes nothing and stops nothing.
        assertEquals(List.of(), ClientSettingsJob.plan(target, List.of(settings("Secret-One-123")), List.of()));
        String startedAgain = after.getState().getStartedAt();
        assertInstanceOf(DeploymentResult.Succeeded.class, deploy(planned, null));
        assertEquals(startedAgain, client().getState().getStartedAt(), "not restarted");
        assertEquals(written, Files.getLastModifiedTime(file).toInstant(), "not rewritten");
        assertTrue(progress.lines().stream().anyMatch(l -> l.contains("Set Berth's settings in " + file)), progress.lines()::toString);
        progress.assertNoSecretIn(root, Map.of("rpc-password", "Secret-One-123"));
    }

    @Test
    void aLaterFailurePutsTheFileBackAndTheClientRunsAgain() throws Exception {
        assertInstanceOf(DeploymentResult.Succeeded.class, DeployFixtures.deploy(target, plan, ComposeTool.PLUGIN));
        String before = "speed-limit=50\nrpc-password=old-password-1\n";
        Files.writeString(file, before);

        Job fails = new Job() {
            @Override
            public String description() {
                return "Wait for health (fails in this test)";
            }

            @Override
            public void execute(JobContext context) {
                throw new IllegalStateException("never healthy");
            }

            @Override
            public void undo(JobContext context) {
            }
        };
        DeploymentResult result = deploy(ClientSettingsJob.plan(target, List.of(settings("Secret-Two-456")), List.of()), fails);
        var rolledBack = assertInstanceOf(DeploymentResult.RolledBack.class, result);
        assertEquals(List.of(), rolledBack.undoErrors());
        assertEquals(before, Files.readString(file));
        assertTrue(client().getState().getRunning(), "the previous stack is back up");
        progress.assertNoSecretIn(root, Map.of("rpc-password", "Secret-Two-456"), rolledBack.toString());
    }
}

package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-deploy with nothing to change, against the real engine with stand-in images: it backs up,
 * writes and logs nothing and touches no container, and only reads the health; a stopped
 * container is a change (it starts again), as is a changed file.
 */
@NeedsDocker
class NothingToChangeTest {
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

    private Answers twoApps() {
        Answers base = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr"));
        Answers a = DeployFixtures.answers(base, root, project);
        new StandInImages(root).build(DeployFixtures.plan(a).services().stream().map(PlannedService::definition).toList());
        return a;
    }

    private DeployPreview preview(Answers answers) throws Exception {
        return new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK)
                .preview(answers, DeployOptions.DEFAULT.withOffline(true).withHealthTimeout(Duration.ofSeconds(60)));
    }

    private DeployOutcome deploy(DeployPreview preview) throws Exception {
        return new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK).deploy(preview, p -> { }, () -> false);
    }

    @Test
    void aRedeployWithNothingToChangeWritesNothingAndMakesNoBackup() throws Exception {
        Answers answers = twoApps();
        DeployOutcome first = deploy(preview(answers));
        assertTrue(first.succeeded(), first::toString);
        Map<String, String> ids = DeployFixtures.containerIds(target, project);
        Path stack = root.resolve("stack");
        Map<String, String> filesBefore = tree(stack);

        DeployPreview again = preview(answers);
        assertTrue(again.nothingToChange(), () -> again.jobs().stream().map(Job::description).toList().toString());
        assertEquals(1, again.jobs().size());
        assertInstanceOf(ReadHealthJob.class, again.jobs().getFirst());
        DeployOutcome second = deploy(again);

        assertTrue(second.succeeded(), second::toString);
        assertTrue(second.report().orElseThrow().ok(), () -> second.report().toString());
        assertEquals(List.of("jellyfin", "sonarr"), second.report().orElseThrow().services().stream()
                .map(DeployReport.ServiceReport::service).filter(s -> s.equals("jellyfin") || s.equals("sonarr")).toList());
        assertTrue(second.backupDir().isEmpty(), second::toString);
        assertFalse(Files.exists(stack.resolve(BackupJob.BACKUPS)), "no backup folder");
        assertTrue(second.log().isEmpty(), "no deploy log written");
        assertEquals(filesBefore, tree(stack), "no file written, not even the deploy log");
        assertEquals(ids, DeployFixtures.containerIds(target, project), "no container touched");
    }

    @Test
    void aStoppedContainerOrAChangedFileIsSomethingToChange() throws Exception {
        Answers answers = twoApps();
        assertTrue(deploy(preview(answers)).succeeded());

        String sonarr = DeployFixtures.containerIds(target, project).get("sonarr");
        target.docker().stopContainerCmd(sonarr).withTimeout(1).exec();
        DeployPreview stopped = preview(answers);
        assertFalse(stopped.nothingToChange(), "a stopped container starts again");
        assertTrue(deploy(stopped).succeeded());
        assertEquals("running", StackContainers.of(target, project).stream()
                .filter(c -> c.getId().equals(sonarr)).findFirst().orElseThrow().getState());

        Files.writeString(root.resolve("stack/.env"), "# changed by hand\n", java.nio.file.StandardOpenOption.APPEND);
        DeployPreview changed = preview(answers);
        assertFalse(changed.nothingToChange(), "a file that differs is written again");
        DeployOutcome outcome = deploy(changed);
        assertTrue(outcome.succeeded(), outcome::toString);
        assertTrue(outcome.backupDir().isPresent(), "a deploy that writes backs up first");
    }

    /** Every file and folder under {@code dir} with its size and modification time. */
    private static Map<String, String> tree(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                FileTime modified = Files.getLastModifiedTime(p);
                out.put(dir.relativize(p).toString(), Files.size(p) + " " + modified.toInstant());
            }
        }
        return out;
    }
}

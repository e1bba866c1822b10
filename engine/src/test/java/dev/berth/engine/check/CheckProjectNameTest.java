package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.engine.BusyboxImage;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project-name check's edges (the two-stack deploys are in {@code TwoStacksTest}): the free
 * name it offers, containers from a folder that is gone (a moved stack: WARN, and the deploy may
 * replace them), and containers that do not say their folder (FAIL: nobody can tell whose they are).
 */
class CheckProjectNameTest {
    @TempDir
    Path tmp;
    private final List<String> containers = new ArrayList<>();

    @AfterEach
    void removeContainers() {
        containers.forEach(c -> ExternalTool.run(tmp, List.of("docker", "rm", "-f", c)));
    }

    @Test
    void theFreeNameComesFromTheFolderAndStepsAsideFromNamesTakenElsewhere() {
        assertEquals("berth-mo", ComposeProjects.fromFolder("/opt/mo"));
        assertEquals("berth-media-server", ComposeProjects.fromFolder("/srv/Media Server/"));
        assertEquals("berth-tv", ComposeProjects.fromFolder("/srv/berth-tv"));
        assertEquals("berth", ComposeProjects.fromFolder("/"));

        ComposeProjects projects = new ComposeProjects(Map.of(
                "berth", Map.of("/opt/berth", 20),
                "berth-mo", Map.of("/srv/old/mo", 1),
                "berth-2", Map.of("/srv/two", 3),
                "mine", Map.of("/opt/mo", 2)));
        assertEquals("berth-mo-2", projects.nameFor("/opt/mo", "berth"), "berth and berth-mo are other folders'");
        assertEquals("berth-3", projects.nameFor("/srv/berth", "berth"));
        assertEquals("berth", projects.nameFor("/opt/berth/", "berth"), "a stack's own name is free for it");
        assertEquals("mine", projects.nameFor("/opt/mo", "mine"));
        assertEquals(Map.of("/opt/berth", 20), projects.elsewhere("berth", "/opt/mo"));
        String longFolder = "/srv/" + "a".repeat(80);
        assertTrue(projects.nameFor(longFolder, "berth").matches("[a-z0-9][a-z0-9_-]{0,62}"), "a name the answers allow");
    }

    @NeedsDocker
    @Test
    void containersFromAFolderThatIsGoneOnlyWarnAndThoseThatDoNotSayTheirFolderFail() throws Exception {
        RequiresDocker.engine();
        String project = "berthtest" + UUID.randomUUID().toString().substring(0, 8);
        Path gone = tmp.resolve("moved-away");
        start(project, gone.toString());
        StackPlan plan = plan(project, tmp.resolve("stack"));
        try (LocalTarget target = new LocalTarget()) {
            CheckResult moved = new ProjectNameCheck().run(CheckFixtures.local(target, plan));
            assertEquals(Status.WARN, moved.status(), moved::toString);
            assertTrue(moved.summary().contains(gone + ", which no longer exists"), moved.summary());
            assertFalse(ProjectClash.find(target, project, tmp.resolve("stack").toString()).blocks(),
                    "the deploy may replace a moved stack's containers");

            start(project, null);
            CheckResult unknown = new ProjectNameCheck().run(CheckFixtures.local(target, plan));
            assertEquals(Status.FAIL, unknown.status(), unknown::toString);
            assertTrue(unknown.summary().contains("containers whose folder Compose did not record (1 container)"),
                    unknown.summary());

            Files.createDirectories(gone); // the folder is there again: that stack is alive
            CheckResult back = new ProjectNameCheck().run(CheckFixtures.local(target, plan));
            assertEquals(Status.FAIL, back.status(), back::toString);
            assertTrue(back.summary().contains("the stack in " + gone + " (1 container)"), back.summary());
        }
    }

    private StackPlan plan(String project, Path stackDir) {
        StackPlan p = CheckFixtures.plan("minimal-jellyfin", a -> a);
        Answers a = p.answers();
        Answers named = new Answers(a.schemaVersion(), project, a.target(), a.storage(), a.services(), a.vpn(), a.access(),
                a.monitoring(), a.media(), a.portOverrides());
        return CheckFixtures.withStorage(CheckFixtures.with(p, named),
                s -> CheckFixtures.storage(s, stackDir, tmp.resolve("data"), stackDir.resolve("config"), 1000, 1000));
    }

    /** A container labelled as Compose labels one of {@code project}'s, started from {@code folder} (null: not said). */
    private void start(String project, String folder) {
        String name = project + "-c" + containers.size();
        containers.add(name);
        List<String> argv = new ArrayList<>(List.of("docker", "run", "-d", "--name", name, "--label", ComposeLabels.PROJECT + "=" + project));
        if (folder != null) {
            argv.addAll(List.of("--label", ComposeLabels.WORKING_DIR + "=" + folder));
        }
        argv.addAll(List.of(BusyboxImage.ensure(tmp), "/bin/busybox", "sleep", "300"));
        ExternalTool.Result r = ExternalTool.run(tmp, argv);
        assertEquals(0, r.exitCode(), r.output());
    }
}

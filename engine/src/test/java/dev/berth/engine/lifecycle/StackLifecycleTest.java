package dev.berth.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stop, start and remove a stand-in stack on this computer's engine. */
@NeedsDocker
class StackLifecycleTest {
    @TempDir
    Path root;
    private LifecycleScenario scenario;
    private String project;

    @Test
    void stopStartRemoveAndPurgeLocally() throws Exception {
        RequiresDocker.engine();
        scenario = new LifecycleScenario(root, 1000);
        scenario.run(LocalTarget::new);
    }

    /** Answers that put the data tree inside the stack folder: a purge empties the folder of Berth's files only. */
    @Test
    void aPurgeLeavesADataTreeInsideTheStackFolder() throws Exception {
        RequiresDocker.engine();
        project = StandInStacks.project();
        Answers a = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), root, project);
        StorageAnswers s = a.storage();
        a = a.withStorage(new StorageAnswers(s.stackDir(), s.stackDir() + "/media-data", s.configRoot(), s.puid(), s.pgid(),
                s.timeZone(), false));
        StackPlan plan = new Planner(Catalog.builtIn()).plan(a, Map.of());
        try (LocalTarget t = new LocalTarget()) {
            StandInStacks.up(t, plan, ComposeTool.PLUGIN);
            Path movie = Files.writeString(Files.createDirectories(Path.of(s.stackDir(), "media-data/media/movies"))
                    .resolve("film.mkv"), "a film");
            StackLifecycle.Outcome purged = new StackLifecycle(t, plan, s.stackDir(), ComposeTool.PLUGIN, Clock.systemUTC())
                    .remove(StackLifecycle.Removal.purge(project), line -> { }, () -> false);
            assertEquals("a film", Files.readString(movie), purged::toString);
            assertFalse(Files.exists(Path.of(s.stackDir(), "compose.yaml")), purged::toString);
            assertFalse(Files.exists(Path.of(s.stackDir(), "secrets")), purged::toString);
            try (var left = Files.list(Path.of(s.stackDir()))) {
                assertEquals(List.of("media-data"), left.map(p -> p.getFileName().toString()).toList(), purged::toString);
            }
        }
    }

    @AfterEach
    void cleanUp() {
        if (scenario != null) {
            scenario.cleanUp();
        }
        if (project != null) {
            StandInStacks.remove(project);
        }
    }
}

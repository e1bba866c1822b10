package dev.berth.engine.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.deploy.StackContainers;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.Target;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.berth.engine.stack.LockHolder;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackLock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The lifecycle of a stand-in stack, the same on this computer and over SSH: stop, start, remove
 * keeping the config, a purge with the wrong confirmation, and a purge with the right one. The
 * containers are read from the local engine (the SSH test user reaches the same one).
 */
final class LifecycleScenario {
    private final Path root;
    private final String project = StandInStacks.project();
    private final StackPlan plan;

    LifecycleScenario(Path root, int uid) {
        this.root = root;
        Answers a = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), root, project);
        StorageAnswers s = a.storage();
        a = a.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), s.configRoot(), uid, uid, s.timeZone(), false));
        this.plan = new Planner(Catalog.builtIn()).plan(a, Map.of());
    }

    String stackDir() {
        return plan.answers().storage().stackDir();
    }

    void run(Supplier<Target> connect) throws Exception {
        try (Target t = connect.get()) {
            DeploymentResult up = StandInStacks.up(t, plan, ComposeTool.PLUGIN);
            assertTrue(up instanceof DeploymentResult.Succeeded, up::toString);
        }
        Path movie = owned(Files.writeString(owned(Files.createDirectories(root.resolve("data/media/movies")))
                .resolve("film.mkv"), "a film"));
        Path appState = owned(Files.writeString(owned(Files.createDirectories(Path.of(plan.answers().storage().configRoot(), "jellyfin")))
                .resolve("state.db"), "state"));
        Path composeFile = Path.of(stackDir(), "compose.yaml");

        try (Target t = connect.get()) {
            StackLifecycle life = new StackLifecycle(t, plan, stackDir(), ComposeTool.PLUGIN, Clock.systemUTC());
            try (StackLock deploying = StackLock.acquire(t, stackDir(), new LockHolder("anna@desk", 4121, "Berth 0.1.0",
                    Instant.parse("2026-12-05T10:00:00Z")))) {
                StackBusyException busy = assertThrows(StackBusyException.class, () -> life.stop(line -> { }, () -> false));
                String said = life.busyMessage(busy, "stopped");
                assertTrue(said.contains("anna@desk (pid 4121") && said.contains("Nothing was stopped"), said);
                assertEquals(List.of("running"), states(), "a held lock: nothing stopped");
            }
            life.stop(line -> { }, () -> false);
            assertEquals(List.of("exited"), states(), "stopped: every container exited");
            life.start(line -> { }, () -> false);
            assertEquals(List.of("running"), states(), "started: every container runs again");

            StackLifecycle.Outcome removed = life.remove(StackLifecycle.Removal.KEEP_CONFIG, line -> { }, () -> false);
            assertTrue(states().isEmpty(), "removed: no container left");
            assertTrue(Files.exists(movie) && Files.exists(appState) && Files.exists(composeFile),
                    "remove keeps the data tree and the config");
            assertTrue(String.join("\n", removed.lines()).contains("Kept its config"), removed::toString);
            assertThrows(dev.berth.engine.target.TargetException.class, () -> life.start(line -> { }, () -> false),
                    "nothing to start after a remove");
            assertThrows(dev.berth.engine.target.TargetException.class, () -> life.stop(line -> { }, () -> false),
                    "nothing to stop after a remove");

            StackLifecycle.NotConfirmedException wrong = assertThrows(StackLifecycle.NotConfirmedException.class,
                    () -> life.remove(StackLifecycle.Removal.purge("berth"), line -> { }, () -> false));
            assertTrue(wrong.getMessage().contains(project), wrong::getMessage);
            assertTrue(Files.exists(movie) && Files.exists(appState) && Files.exists(composeFile),
                    "a wrong confirmation deletes nothing");

            StackLifecycle.Outcome purged = life.remove(StackLifecycle.Removal.purge(project), line -> { }, () -> false);
            assertFalse(Files.exists(Path.of(stackDir())), "the stack folder is gone: " + purged);
            assertFalse(Files.exists(appState), "the app's config folder is gone");
            assertEquals("a film", Files.readString(movie), "the data tree stays");
            assertTrue(String.join("\n", purged.lines()).contains("never deleted"), purged::toString);
        }
    }

    /** Owned by the stack's user, as the apps' own files are (the SSH test user could not delete root's). */
    private Path owned(Path p) throws Exception {
        Files.setAttribute(p, "unix:uid", plan.answers().storage().puid());
        Files.setAttribute(p, "unix:gid", plan.answers().storage().pgid());
        return p;
    }

    private List<String> states() throws Exception {
        try (LocalTarget local = new LocalTarget()) {
            return StackContainers.of(local, project).stream().map(Container::getState).distinct().sorted().toList();
        }
    }

    void cleanUp() {
        StandInStacks.remove(project);
    }
}

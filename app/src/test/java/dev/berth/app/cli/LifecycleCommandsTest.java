package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.StackContainers;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code berth stop}, {@code start} and {@code remove} on a stand-in stack on this computer's engine.
 * Tests run without a terminal, so a purge needs {@code --confirm}.
 */
@NeedsDocker
class LifecycleCommandsTest {
    @TempDir
    Path root;
    private final String project = StandInStacks.project();
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int berth(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = BerthCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @AfterEach
    void cleanUp() {
        StandInStacks.remove(project);
    }

    @Test
    void stopStartAndRemoveWithoutATerminalPurgeOnlyWithTheProjectName() throws Exception {
        RequiresDocker.engine();
        Answers a = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), root, project);
        StackPlan plan = new Planner(Catalog.builtIn()).plan(a, Map.of());
        try (LocalTarget t = new LocalTarget()) {
            StandInStacks.up(t, plan, ComposeTool.PLUGIN);
        }
        String dir = a.storage().stackDir();
        Path movie = Files.writeString(Files.createDirectories(root.resolve("data/media/movies")).resolve("film.mkv"), "a film");
        Path berthYaml = Path.of(dir, "berth.yaml");

        assertEquals(0, berth("stop", "--dir", dir), err::toString);
        assertEquals(List.of("exited"), states());
        assertEquals(0, berth("start", "--dir", dir), err::toString);
        assertEquals(List.of("running"), states());

        assertEquals(BerthCommand.NOT_CONFIRMED, berth("remove", "--dir", dir, "--purge-config"), out::toString);
        assertTrue(err.toString().contains("--confirm=" + project), err::toString);
        assertEquals(List.of("running"), states(), "not confirmed: nothing removed");
        assertEquals(BerthCommand.NOT_CONFIRMED, berth("remove", "--dir", dir, "--purge-config", "--confirm=" + project + "x"));
        assertTrue(Files.exists(berthYaml) && Files.exists(movie), "a wrong confirmation deletes nothing");
        assertEquals(List.of("running"), states());

        assertEquals(0, berth("remove", "--dir", dir), err::toString);
        assertTrue(states().isEmpty());
        assertTrue(Files.exists(berthYaml) && Files.exists(movie), "remove keeps config and data");
        assertTrue(out.toString().contains("Kept its config"), out::toString);

        assertEquals(0, berth("remove", "--dir", dir, "--purge-config", "--confirm=" + project), err::toString);
        assertFalse(Files.exists(Path.of(dir)), out::toString);
        assertEquals("a film", Files.readString(movie));
        assertTrue(out.toString().contains("Deleted " + dir), out::toString);
    }

    private List<String> states() throws Exception {
        try (LocalTarget local = new LocalTarget()) {
            return StackContainers.of(local, project).stream().map(Container::getState).distinct().sorted().toList();
        }
    }
}

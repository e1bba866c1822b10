package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.update.ImageStatus;
import dev.berth.engine.update.UpdateFinder;
import dev.berth.plan.Planner;
import dev.berth.render.FolderExport;
import dev.berth.render.PinsFile;
import dev.berth.render.Renderer;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code berth update} up to the point where it would deploy: what it says and that it changes
 * nothing. Applying updates is tested against a real engine and registry in the engine
 * ({@code StackUpdaterTest}).
 */
class UpdateCommandTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Every service up to date, as the registries' finder answers when nothing newer was published. */
    private static final UpdateFinder UP_TO_DATE = (target, plan, cancelled) -> plan.services().stream()
            .map(s -> new ImageStatus(s.name(), s.image(), null, null, Optional.empty(), Optional.empty())).toList();

    private int berth(UpdateFinder finder, String... args) {
        CommandLine cli = new CommandLine(new UpdateCommand(TargetOpener.standard(), () -> finder, DeployOptions.DEFAULT));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** The minimal example rendered into {@code tmp}, as a deploy leaves its folder; returns the stack folder. */
    private Path stack() throws IOException {
        Answers a = Examples.answers("minimal-jellyfin");
        StorageAnswers s = a.storage();
        a = a.withStorage(new StorageAnswers(tmp.resolve("stack").toString(), tmp.resolve("data").toString(),
                tmp.resolve("config").toString(), s.puid(), s.pgid(), s.timeZone(), false));
        FolderExport.write(new Renderer().render(new Planner(Catalog.builtIn()).plan(a, Map.of())), tmp.resolve("stack"));
        return tmp.resolve("stack");
    }

    @Test
    void nothingToUpdateSaysSoAndChangesNothing() throws IOException {
        Path dir = stack();
        String compose = Files.readString(dir.resolve("compose.yaml"));

        assertEquals(0, berth(UP_TO_DATE, "--dir", dir.toString()), err.toString());

        assertTrue(out.toString().lines().anyMatch(l -> l.strip().startsWith("jellyfin") && l.endsWith("up to date")), out.toString());
        assertTrue(out.toString().endsWith("Nothing to update.\n"), out.toString());
        assertEquals(compose, Files.readString(dir.resolve("compose.yaml")));
        assertFalse(Files.exists(dir.resolve(PinsFile.PATH)));
    }

    @Test
    void aServiceTheStackDoesNotHaveIsAUsageErrorNamingItsServices() throws IOException {
        Path dir = stack();

        assertEquals(2, berth(UP_TO_DATE, "--dir", dir.toString(), "sonarr"));

        assertTrue(err.toString().contains("The stack has no service sonarr. Its services: jellyfin."), err.toString());
    }
}

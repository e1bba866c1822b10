package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.deploy.VpnProofJob;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * After the deploy, as a person runs the commands, against the real engine with stand-in images:
 * a re-deploy with nothing to change says so and writes nothing, {@code berth logs} shows a
 * service's lines (and names the stack's services for one it does not have), and
 * {@code berth status --watch} shows each service until it is ended.
 */
@NeedsDocker
class LivingWithTheStackCommandTest {
    @TempDir
    Path tmp;
    private String project;
    private volatile StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = StandInStacks.project();
    }

    @AfterEach
    void tearDown() {
        StandInStacks.remove(project);
    }

    private int run(Callable<Integer> command, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void nothingToChangeThenLogsThenStatusWatch() throws Exception {
        Answers answers = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), tmp, project);
        Path file = Files.writeString(tmp.resolve("answers.yaml"), AnswersFile.write(answers));
        String stackDir = answers.storage().stackDir();
        assertEquals(0, run(new DeployCommand(), "--answers", file.toString(), "--yes", "--offline"), out + "\n" + err);
        Map<String, String> ids = StandInStacks.containerIds(project);
        Path log = Path.of(stackDir, ".berth/deploy.log");
        String logBefore = Files.readString(log);

        // Without --yes and without a terminal: nothing to confirm, so it does not stop to ask.
        assertEquals(0, run(new DeployCommand(), "--answers", file.toString(), "--offline"), out + "\n" + err);
        assertTrue(out.toString().contains("Nothing to change: no file was backed up or written and no container was touched."),
                out.toString());
        assertTrue(out.toString().lines().anyMatch(l -> l.matches("jellyfin +(healthy|answering) +http://localhost:\\d+/")), out.toString());
        assertTrue(out.toString().contains("Every service is up."), out.toString());
        assertFalse(Files.exists(Path.of(stackDir, ".berth/backups")), "no backup made");
        assertEquals(logBefore, Files.readString(log), "nothing written, not even a log line");
        assertEquals(ids, StandInStacks.containerIds(project));

        assertEquals(0, run(new LogsCommand(), "jellyfin", "--dir", stackDir, "--tail", "5"), err.toString());
        assertFalse(out.toString().isBlank(), "the stand-in's lines");
        assertTrue(out.toString().lines().count() <= 5, out.toString());

        assertEquals(CommandLine.ExitCode.USAGE, run(new LogsCommand(), "sonarr", "--dir", stackDir), out.toString());
        assertTrue(err.toString().contains("has no service \"sonarr\". Its services: ") && err.toString().contains("jellyfin"),
                err.toString());

        // Ended as Ctrl-C would end it, once jellyfin's line is there.
        StatusCommand watch = new StatusCommand(TargetOpener.standard(), VpnProofJob.Prover.onTarget(),
                () -> out.toString().lines().anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d +jellyfin +healthy.*")));
        assertEquals(0, run(watch, "--dir", stackDir, "--watch"), err.toString());
        assertTrue(out.toString().startsWith("Watching stack " + project), out.toString());
    }
}

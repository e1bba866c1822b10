package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.check.HidingTarget;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code berth check --install-docker} on this computer with Docker hidden: the commands are shown
 * before anything runs, and without a yes (here: no terminal to ask on) none of them runs.
 */
class CheckInstallDockerTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theCommandsAreShownAndNothingRunsWithoutAYes() {
        TargetException missing = new TargetException(TargetException.Reason.DOCKER_MISSING, "The docker command is not installed.");
        // The real machine with Docker hidden; a step that ran would show as "[1/..." in the output.
        CommandLine cli = new CommandLine(new CheckCommand((spec, question) ->
                new HidingTarget(new LocalTarget(), Set.of("docker"), Set.of(), missing)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--install-docker");
        String shown = out.toString();
        assertTrue(shown.contains("FAIL    Docker engine"), shown);
        assertTrue(err.toString().contains("Looking at what installing Docker on this computer takes ..."), err.toString());
        if (System.getProperty("user.name").equals("root") && shown.contains("Berth would run:")) {
            assertTrue(shown.contains("To install Docker 27.5.1 and Compose 2.32.4 from Docker's "), shown);
            assertTrue(shown.contains("  1. "), shown);
            assertTrue(shown.contains("systemctl enable --now docker"), shown);
            assertTrue(!shown.contains("[1/"), "no step ran: " + shown);
            assertTrue(err.toString().contains("There is no terminal to ask on.\nNothing was run."), err.toString());
            assertEquals(BerthCommand.NOT_CONFIRMED, code);
        } else {
            // A machine Berth does not install on (or no sudo): the refusal says what to do.
            assertTrue(err.toString().contains("Berth cannot install Docker there: "), err.toString());
            assertTrue(err.toString().contains("What to do: "), err.toString());
            assertEquals(BerthCommand.CHECK_FAILED, code);
        }
    }
}

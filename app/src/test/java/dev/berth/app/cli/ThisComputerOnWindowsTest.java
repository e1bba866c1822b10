package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.DesktopOs;
import dev.berth.testsupport.Examples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code berth check} and {@code berth deploy} for "this computer" on a Windows or macOS desktop:
 * refused with what is supported and what to choose, before anything runs or is written.
 */
class ThisComputerOnWindowsTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path localAnswers() throws Exception {
        String yaml = Files.readString(Examples.file("minimal-jellyfin")).replace("/srv/data", tmp.resolve("data").toString())
                .replace("/opt/berth", tmp.resolve("stack").toString());
        assertTrue(yaml.contains("kind: local"), "the example targets this computer");
        return Files.writeString(tmp.resolve("berth.yaml"), yaml);
    }

    @Test
    void checkSaysTheStackNeedsLinuxAndToChooseAServer() throws Exception {
        int code = run(new CheckCommand(TargetOpener.standard(DesktopOs.WINDOWS)), "--answers", localAnswers().toString());
        assertEquals(BerthCommand.CHECK_FAILED, code, err.toString());
        assertTrue(err.toString().contains(DesktopOs.WINDOWS.localStackRefusal().orElseThrow()), err.toString());
        assertFalse(out.toString().contains("STATUS  CHECK"), "no checks were run on Windows: " + out);
    }

    @Test
    void deployIsRefusedOnMacOsBeforeAnythingIsWritten() throws Exception {
        int code = run(new DeployCommand(TargetOpener.standard(DesktopOs.MACOS)), "--answers", localAnswers().toString(), "--yes",
                "--offline");
        assertTrue(code != 0, "refused");
        assertTrue(err.toString().contains("This computer runs macOS, and Berth sets the stack up on Linux only."), err.toString());
        assertFalse(Files.exists(tmp.resolve("stack")), "nothing written");
    }
}

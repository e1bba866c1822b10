package dev.berth.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A start-up training run: renders an example, checks this computer and, when there is a display,
 * opens the wizard and closes it once its first page is ready, so an AOT cache recorded
 * around it holds the classes the real commands and the wizard load. {@code ./berth} runs it once
 * after each build; its output is thrown away, and a failing check is fine here. The installers'
 * AOT cache is trained differently: on a plain start of the wizard (installers/build), the start a
 * person makes from the menu.
 */
@Command(name = "train-startup", hidden = true, description = "Exercises render and check once, for the start-up AOT cache.")
public final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ANSWERS", description = "An example answers file.")
    Path answers;

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("berth-train-");
        // Settings of its own, so the training run's wizard neither reads nor moves the person's window.
        if (System.getProperty("berth.configDir") == null) {
            System.setProperty("berth.configDir", work.resolve("config").toString());
        }
        try {
            CommandLine quiet = BerthCommand.commandLine();
            quiet.setOut(new PrintWriter(new StringWriter()));
            quiet.setErr(new PrintWriter(new StringWriter()));
            quiet.execute("render", "--answers", answers.toString(), "--out", work.resolve("stack").toString());
            quiet.execute("check");
            dev.berth.app.gui.WizardLauncher.trainStartup();
            return 0;
        } finally {
            try (var s = Files.walk(work)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}

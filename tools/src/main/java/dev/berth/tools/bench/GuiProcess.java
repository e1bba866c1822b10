package dev.berth.tools.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a GUI process for a benchmark: on the display there is, else on one Xvfb server started
 * once for the whole table. Not xvfb-run per sample: its server start would count as Berth's.
 */
final class GuiProcess {
    private static String xvfbDisplay;

    private GuiProcess() {
    }

    /** Whether a GUI can be shown here: a display, or Xvfb to make one. */
    static boolean possible() {
        return display() != null || Files.isExecutable(Path.of("/usr/bin/Xvfb"));
    }

    /**
     * Runs the command to its end and returns {@link System#currentTimeMillis()} at the moment it
     * was launched: the start the app's start-up probe is measured from.
     */
    static long run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        pb.environment().put("DISPLAY", display() != null ? display() : xvfb());
        long launched = System.currentTimeMillis();
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
        return launched;
    }

    private static String display() {
        String d = System.getenv("DISPLAY");
        return d == null || d.isBlank() ? null : d;
    }

    /** Starts Xvfb on a free display (it names it on stdout once it accepts clients) and stops it at exit. */
    private static synchronized String xvfb() throws Exception {
        if (xvfbDisplay == null) {
            Process server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy));
            var out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String number = out.readLine();
            if (number == null || !number.strip().matches("\\d+")) {
                throw new IllegalStateException("Xvfb did not start (install xvfb, or run the benchmark on a desktop)");
            }
            xvfbDisplay = ":" + number.strip();
        }
        return xvfbDisplay;
    }
}

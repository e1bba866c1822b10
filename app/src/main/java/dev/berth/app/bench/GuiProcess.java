package dev.berth.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a GUI process for a benchmark: on the display there is, else under xvfb-run. */
final class GuiProcess {
    private GuiProcess() {
    }

    /** Whether a GUI can be shown here: a display, or xvfb-run to make one. */
    static boolean possible() {
        return display() || Files.isExecutable(Path.of("/usr/bin/xvfb-run"));
    }

    static void run(List<String> command, Map<String, String> env) throws Exception {
        List<String> argv = new ArrayList<>();
        if (!display()) {
            argv.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
        }
        argv.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
    }

    private static boolean display() {
        String d = System.getenv("DISPLAY");
        return d != null && !d.isBlank();
    }
}

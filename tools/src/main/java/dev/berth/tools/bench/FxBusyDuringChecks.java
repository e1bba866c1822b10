package dev.berth.tools.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The longest the FX thread is busy at once while the System check page runs every check on
 * this computer: {@link FxBusyProbe} in a new JVM, which reports the most CPU time the FX thread
 * spent between two pulses.
 */
final class FxBusyDuringChecks implements Benchmark {
    private final Path work;

    FxBusyDuringChecks() throws Exception {
        this.work = Files.createTempDirectory("berth-bench-fx-");
    }

    @Override
    public String name() {
        return "wizard: FX thread busy at once during checks (CPU)";
    }

    @Override
    public String goal() {
        return "<= 50 ms";
    }

    @Override
    public int runs() {
        return 3;
    }

    @Override
    public long sample() throws Exception {
        Path out = work.resolve("gap.txt");
        Files.deleteIfExists(out);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // This JVM's class path: the app's jar and libraries, and the tools jar that holds the probe.
        String cp = System.getProperty("java.class.path");
        GuiProcess.run(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dberth.configDir=" + work, "-cp", cp,
                FxBusyProbe.class.getName(), out.toString()), Map.of());
        return Long.parseLong(Files.readString(out).strip());
    }
}

package dev.berth.tools.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ./berth} with no arguments, as a person starts it: from launching the script to the
 * wizard's first page shown and ready for input, as the app's start-up probe reports it (the
 * contract: installers/README.md, "The start-up probe"). Each run is a new JVM with the
 * launcher's options and class-data archive.
 */
final class WizardStartup implements Benchmark {
    private final Path root;
    private final Path work;

    WizardStartup(Path root) throws Exception {
        this.root = root;
        this.work = Files.createTempDirectory("berth-bench-gui-");
    }

    @Override
    public String name() {
        return "./berth wizard: launch to first page ready (cold)";
    }

    @Override
    public String goal() {
        return "<= 800 ms";
    }

    @Override
    public int warmups() {
        return 1;
    }

    @Override
    public int runs() {
        return 5;
    }

    @Override
    public long sample() throws Exception {
        Path probe = work.resolve("startup.txt");
        Files.deleteIfExists(probe);
        long launched = GuiProcess.run(List.of(root.resolve("berth").toString()), Map.of("BERTH_JAVA_OPTS",
                "-Dberth.startupProbe=" + probe + " -Dberth.exitAfterStartup=true -Dberth.configDir=" + work));
        if (!Files.exists(probe)) {
            throw new IllegalStateException("./berth exited without writing the start-up probe " + probe);
        }
        return (Long.parseLong(Files.readString(probe).strip()) - launched) * 1_000_000L;
    }
}

package dev.berth.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * Berth's start beside a bare JavaFX window's ({@link BareWindow}), from the same runs, taken in
 * turns so a busy moment slows both: {@code ./berth} with no arguments, as a person starts it, and
 * the bare window through scripts/start-java, which is how ./berth starts Java (the same JVM
 * options, an AOT cache of its own made by a training run in the same way). Each figure runs from
 * launching the command to the first screen shown and ready for input, as the start-up probe
 * reports it (the contract: installers/README.md, "The start-up probe"); each run is a new JVM.
 * The ratio is what compares across machines: a slow machine slows both.
 */
final class WizardStartup {
    private static final int RUNS = 5;

    record Pair(long bareNanos, long berthNanos) {
    }

    private final Path root;
    private final Path work;
    private final List<Pair> done = new ArrayList<>();

    private WizardStartup(Path root) throws IOException {
        this.root = root;
        this.work = Files.createTempDirectory("berth-bench-gui-");
    }

    static List<Benchmark> rows(Path root) throws IOException {
        WizardStartup runs = new WizardStartup(root);
        return List.of(
                runs.row("bare JavaFX window (Label, Button): to first frame", "-", Pair::bareNanos, Benchmarks::ms),
                runs.row("./berth wizard: launch to first page ready (cold)", "<= 800 ms", Pair::berthNanos, Benchmarks::ms),
                runs.row("./berth wizard / bare window (same runs)", "<= 1.3x",
                        p -> Math.round(1000.0 * p.berthNanos() / p.bareNanos()), r -> String.format("%.2fx", r / 1000.0)));
    }

    private Pair pair(int i) throws Exception {
        if (done.isEmpty()) {
            // Untimed: fills the page cache, and makes the bare window's AOT cache on the first run.
            bare();
            berth();
        }
        while (done.size() <= i) {
            done.add(new Pair(bare(), berth()));
        }
        return done.get(i);
    }

    private long bare() throws Exception {
        List<String> classPath = new ArrayList<>();
        try (var jars = Files.list(root.resolve("app/target/lib"))) {
            jars.filter(p -> p.getFileName().toString().startsWith("javafx-")).map(Path::toString).sorted().forEach(classPath::add);
        }
        classPath.add(root.resolve("tools/target/berth-tools.jar").toString());
        Path cache = root.resolve("tools/target/bare-window.aot");
        return start("the bare window", List.of(root.resolve("scripts/start-java").toString(), "--cache", cache.toString(),
                "--cp", String.join(java.io.File.pathSeparator, classPath), "--train", "train", BareWindow.class.getName()),
                root.resolve("tools/target/bare-window-aot.log"));
    }

    private long berth() throws Exception {
        return start("./berth", List.of(root.resolve("berth").toString()), root.resolve("app/target/berth-aot.log"));
    }

    /** One start to the probe, in nanoseconds; fails when the JVM could not use the AOT cache (its warnings file). */
    private long start(String what, List<String> command, Path cacheWarnings) throws Exception {
        Path probe = work.resolve("startup.txt");
        Files.deleteIfExists(probe);
        long launched = GuiProcess.run(command, Map.of("BERTH_JAVA_OPTS",
                "-Dberth.startupProbe=" + probe + " -Dberth.exitAfterStartup=true -Dberth.configDir=" + work));
        if (!Files.exists(probe)) {
            throw new IllegalStateException(what + " exited without writing the start-up probe " + probe);
        }
        if (Files.isRegularFile(cacheWarnings) && Files.size(cacheWarnings) > 0) {
            throw new IllegalStateException(what + " started without its AOT cache, so its figure would not be the usual start; "
                    + "the JVM said (" + cacheWarnings + "):\n" + Files.readString(cacheWarnings).strip());
        }
        return (Long.parseLong(Files.readString(probe).strip()) - launched) * 1_000_000L;
    }

    private Benchmark row(String name, String goal, ToLongFunction<Pair> figure, LongFunction<String> format) {
        return Benchmark.ofRuns(name, goal, RUNS, i -> figure.applyAsLong(pair(i)), format);
    }
}

package dev.berth.tools.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Prints Berth's performance figures as a table: median (and min, max) of several runs each.
 * Run with {@code ./bench} from the project root. Later issues add their figures to {@link #all}.
 */
public final class Benchmarks {
    /** Held so the level sticks (JUL keeps loggers weakly): the validator's start-up line would cut the table. */
    private static final java.util.logging.Logger VALIDATOR_LOG = java.util.logging.Logger.getLogger("org.hibernate.validator");

    private Benchmarks() {
    }

    /** @param only a group's name (render, checks, ssh, wizard), or empty for every group */
    static List<Benchmark> all(Path root, String only) throws Exception {
        Path largest = root.resolve("docs/examples/full-wireguard.yaml");
        Map<String, Callable<List<Benchmark>>> groups = new LinkedHashMap<>();
        groups.put("render", () -> List.of(
                new RenderInProcess(largest),
                new RenderProcess(root, largest, true),
                new RenderProcess(root, largest, false)));
        groups.put("checks", () -> List.of(new AllChecks("all checks on this computer, end to end (warm JVM)", "<= 500 ms", largest,
                dev.berth.engine.target.LocalTarget::new)));
        groups.put("ssh", () -> SshBench.all(largest));
        groups.put("wizard", () -> {
            List<Benchmark> wizard = new java.util.ArrayList<>();
            if (GuiProcess.possible()) {
                wizard.addAll(WizardStartup.rows(root));
                wizard.add(new FxBusyDuringChecks());
            } else {
                System.out.println("(the wizard start-up rows need a display or xvfb-run: skipped)");
            }
            wizard.addAll(WizardBench.all(root));
            return wizard;
        });
        if (!only.isEmpty() && !groups.containsKey(only)) {
            throw new IllegalArgumentException("no benchmark group " + only + "; the groups: " + groups.keySet());
        }
        List<Benchmark> rows = new java.util.ArrayList<>();
        for (var group : groups.entrySet()) {
            if (only.isEmpty() || group.getKey().equals(only)) {
                rows.addAll(group.getValue().call());
            }
        }
        return rows;
    }

    public static void main(String[] args) throws Exception {
        VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        // ./bench wizard: only that group's rows.
        String only = args.length > 1 ? args[1] : "";
        System.out.printf("Berth benchmarks on %d cores, %s %s, Java %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.version());
        System.out.printf("%-52s %10s %10s %10s %6s   %s%n", "benchmark", "median", "min", "max", "runs", "goal");
        for (Benchmark b : all(root, only)) {
            System.out.flush();
            for (int i = 0; i < b.warmups(); i++) {
                b.sample();
            }
            long[] samples = new long[b.runs()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = b.sample();
            }
            Arrays.sort(samples);
            System.out.printf("%-52s %10s %10s %10s %6d   %s%n", b.name(), b.format(median(samples)), b.format(samples[0]),
                    b.format(samples[samples.length - 1]), samples.length, b.goal());
        }
    }

    static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

}

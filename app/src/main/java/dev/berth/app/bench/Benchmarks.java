package dev.berth.app.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Prints Berth's performance figures as a table: median (and min, max) of several runs each.
 * Run with {@code ./bench} from the project root. Later issues add their figures to {@link #all}.
 */
public final class Benchmarks {
    /** Held so the level sticks (JUL keeps loggers weakly): the validator's start-up line would cut the table. */
    private static final java.util.logging.Logger VALIDATOR_LOG = java.util.logging.Logger.getLogger("org.hibernate.validator");

    private Benchmarks() {
    }

    static List<Benchmark> all(Path root) throws Exception {
        Path largest = root.resolve("docs/examples/full-wireguard.yaml");
        List<Benchmark> rows = new java.util.ArrayList<>(List.of(
                new RenderInProcess(largest),
                new RenderProcess(root, largest, true),
                new RenderProcess(root, largest, false),
                new AllChecks("all checks on this computer, end to end (warm JVM)", "<= 500 ms", largest,
                        dev.berth.engine.target.LocalTarget::new)));
        rows.addAll(SshBench.all(largest));
        if (GuiProcess.possible()) {
            rows.add(new WizardStartup(root));
            rows.add(new FxBusyDuringChecks(root));
        } else {
            System.out.println("(the wizard rows need a display or xvfb-run: skipped)");
        }
        return rows;
    }

    public static void main(String[] args) throws Exception {
        VALIDATOR_LOG.setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        System.out.printf("Berth benchmarks on %d cores, %s %s, Java %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.version());
        System.out.printf("%-52s %10s %10s %10s %6s   %s%n", "benchmark", "median", "min", "max", "runs", "goal");
        // An optional second argument keeps only the rows whose name contains it: ./bench wizard
        String only = args.length > 1 ? args[1].toLowerCase(java.util.Locale.ROOT) : "";
        for (Benchmark b : all(root)) {
            if (!b.name().toLowerCase(java.util.Locale.ROOT).contains(only)) {
                continue;
            }
            System.out.flush();
            for (int i = 0; i < b.warmups(); i++) {
                b.sample();
            }
            long[] samples = new long[b.runs()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = b.sample();
            }
            Arrays.sort(samples);
            System.out.printf("%-52s %10s %10s %10s %6d   %s%n", b.name(), ms(median(samples)), ms(samples[0]),
                    ms(samples[samples.length - 1]), samples.length, b.goal());
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

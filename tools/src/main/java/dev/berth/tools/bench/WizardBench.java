package dev.berth.tools.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The wizard rows: the longest the FX thread was busy during a deploy (its CPU time: handlers,
 * CSS, layout), the longest a task waited for it (wall time, which also counts waiting for the
 * software renderer under Xvfb and for a CPU on a loaded machine), and the memory with the wizard
 * open after the deploy. Both come from the same runs of the real wizard (see {@link WizardTourRuns}).
 */
final class WizardBench {
    private static final int RUNS = 3;

    private WizardBench() {
    }

    static List<Benchmark> all(Path root) {
        var missing = WizardTourRuns.missing();
        if (missing.isPresent()) {
            System.out.println("(wizard rows left out: " + missing.get() + ")");
            return List.of();
        }
        WizardTourRuns runs = new WizardTourRuns(root);
        return List.of(
                row("wizard: longest FX-thread busy time during a deploy", "<= 50 ms", runs,
                        f -> Math.round(f.fxLongestBusyMs() * 1e6), Benchmarks::ms),
                row("wizard: longest FX wait in a deploy (wall, incl. render)", "-", runs,
                        f -> Math.round(f.fxLongestWaitMs() * 1e6), Benchmarks::ms),
                row("wizard: resident memory after a full deploy", "<= 250 MB", runs,
                        WizardTourRuns.Figures::rssMb, mb -> mb + " MB"));
    }

    private static Benchmark row(String name, String goal, WizardTourRuns runs, ToLongFunction<WizardTourRuns.Figures> figure,
                                 java.util.function.LongFunction<String> format) {
        return Benchmark.ofRuns(name, goal, RUNS, i -> figure.applyAsLong(runs.run(i)), format);
    }
}

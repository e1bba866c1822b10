package dev.berth.tools.bench;

import dev.berth.app.gui.WindowState;
import dev.berth.app.gui.WizardWindow;
import dev.berth.wizardsteps.core.WizardBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the wizard, goes to the System check page and runs every check there six times in a
 * row, while an animation timer notes the most CPU time the FX thread spent between two pulses:
 * how long it was busy at once. The first round is left out of the figure: it includes building the page
 * and the JVM's first pass over its code, which {@code -Dberth.bench.verbose=true} prints apart.
 * Writes the gap in nanoseconds to the file given, then exits.
 */
public final class FxBusyProbe {
    private static final int ROUNDS = 6;

    private FxBusyProbe() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        Platform.startup(() -> {
            WizardWindow window = WizardWindow.open(new Stage(), WizardBackend.standard(), null, WindowState.none());
            var checks = window.context().checks();
            long[] longest = {0};
            long[] firstRound = {0};
            long[] longestWall = {0};
            long[] last = {0};
            long[] lastCpu = {0};
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            int[] rounds = {0};
            AnimationTimer pulse = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    // CPU time of the FX thread between two pulses: the work it did at once. The
                    // wall-clock gap also counts waiting for a core, which on a busy 2-core machine
                    // says more about the machine than about Berth; it is printed beside it.
                    long cpu = threads.getCurrentThreadCpuTime();
                    if (last[0] != 0 && checks.runningProperty().get()) {
                        if (rounds[0] == 0) {
                            firstRound[0] = Math.max(firstRound[0], cpu - lastCpu[0]);
                        } else {
                            longest[0] = Math.max(longest[0], cpu - lastCpu[0]);
                            longestWall[0] = Math.max(longestWall[0], now - last[0]);
                        }
                    }
                    last[0] = now;
                    lastCpu[0] = cpu;
                }
            };
            pulse.start();
            checks.runningProperty().addListener((o, was, running) -> {
                if (running) {
                    return;
                }
                if (Boolean.getBoolean("berth.bench.verbose")) {
                    System.err.printf("after round %d: FX thread busy at once %.1f ms CPU (wall-clock pulse gap %.1f ms); "
                            + "first round, page built: %.1f ms CPU%n", rounds[0] + 1, longest[0] / 1e6, longestWall[0] / 1e6,
                            firstRound[0] / 1e6);
                }
                if (++rounds[0] < ROUNDS) {
                    Platform.runLater(checks::refreshAll);
                } else {
                    pulse.stop();
                    try {
                        Files.writeString(out, Long.toString(longest[0]));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    window.closeNow();
                }
            });
            window.shell().flow().next(); // Target
            window.shell().flow().next(); // System check: entering runs the checks
        });
    }
}

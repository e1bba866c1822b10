package dev.berth.engine.deploy;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Runs one Compose command on the target and turns a failure into a message a person can act on. */
public final class ComposeRun {
    /** Compose prints one line per container; the end of its errors says what went wrong. */
    private static final int TAIL_LINES = 20;

    private ComposeRun() {
    }

    /**
     * @param cancelled asked while Compose runs: when it says yes, Compose is stopped (on the target)
     *                  and a {@link CancellationException} says so
     */
    public static ExecResult run(Target target, List<String> argv, Duration timeout, String what, BooleanSupplier cancelled)
            throws TargetException {
        ExecResult r = target.exec(argv, timeout, cancelled);
        if (r.cancelled()) {
            throw new CancellationException(what + " was stopped, as you asked");
        }
        if (r.timedOut()) {
            throw new TargetException(TargetException.Reason.TIMEOUT, what + " on " + target.description()
                    + " did not finish within " + timeout.toMinutes() + " minutes");
        }
        if (!r.ok()) {
            throw new TargetException(TargetException.Reason.OTHER, what + " on " + target.description()
                    + " failed (exit " + r.exitCode() + "):\n" + tail(r.stderr().isBlank() ? r.stdout() : r.stderr()));
        }
        return r;
    }

    static String tail(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}

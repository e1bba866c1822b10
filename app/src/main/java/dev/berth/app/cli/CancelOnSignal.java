package dev.berth.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while {@code berth backup} or {@code berth restore} runs: the first
 * asks the engine to stop (it stops restic and starts the apps it stopped again), later ones only
 * say it is still finishing, since ending Berth then would leave apps stopped. Signal handlers, not
 * a shutdown hook, for the same reasons as {@link DeployInterrupts}; the JVM's own are put back on close.
 */
final class CancelOnSignal implements AutoCloseable {
    private final PrintWriter err;
    private final String stopping;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private CancelOnSignal(PrintWriter err, String stopping) {
        this.err = err;
        this.stopping = stopping;
    }

    /** @param stopping what the first signal makes Berth do, in a sentence */
    static CancelOnSignal install(PrintWriter err, String stopping) {
        CancelOnSignal c = new CancelOnSignal(err, stopping);
        for (String name : List.of("INT", "TERM")) {
            Signal signal = new Signal(name);
            c.previous.put(signal, Signal.handle(signal, c::handle));
        }
        return c;
    }

    boolean cancelled() {
        return cancel.get();
    }

    private void handle(Signal signal) {
        String line = cancel.compareAndSet(false, true) ? stopping + " (SIG" + signal.getName() + ")"
                : "Still finishing: the stopped apps are being started again.";
        synchronized (err) {
            err.println();
            err.println(line);
            err.flush();
        }
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}

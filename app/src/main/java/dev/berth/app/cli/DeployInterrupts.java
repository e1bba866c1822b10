package dev.berth.app.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while {@code berth deploy} runs its jobs: the first cancels the
 * deploy the way the wizard's Cancel does (the step under way is stopped, then everything done so
 * far is undone in reverse); another one while undoing asks on the terminal whether to stop
 * undoing, and without a terminal the undo goes on.
 *
 * <p>Signal handlers ({@code sun.misc.Signal}, in jdk.unsupported), not a shutdown hook: once a
 * hook runs the JVM is already ending, so it could only wait for the undo, not ask a question,
 * print the outcome through the normal path, or exit with Berth's own code. The JVM's own
 * handlers are put back as soon as the jobs have ended, so Ctrl-C at the "Deploy now?" question
 * (when nothing has changed yet) ends Berth at once, as usual.
 */
final class DeployInterrupts implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final PrintWriter err;
    private final Console console;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final AtomicBoolean stopUndoing = new AtomicBoolean();
    private final AtomicBoolean asking = new AtomicBoolean();
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    private DeployInterrupts(PrintWriter err, Console console) {
        this.err = err;
        this.console = console;
    }

    /** @param console the terminal to ask on, or null when there is none */
    static DeployInterrupts install(PrintWriter err, Console console) {
        DeployInterrupts interrupts = new DeployInterrupts(err, console);
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            interrupts.previous.put(signal, Signal.handle(signal, interrupts::handle));
        }
        return interrupts;
    }

    /** The terminal, when Berth runs on one. */
    static Console terminal() {
        Console c = System.console();
        return c != null && c.isTerminal() ? c : null;
    }

    boolean cancelled() {
        return cancel.get();
    }

    boolean stopUndoing() {
        return stopUndoing.get();
    }

    /** Runs on a thread of its own for each signal, so it may wait for the person's answer. */
    private void handle(Signal signal) {
        if (cancel.compareAndSet(false, true)) {
            say("Stopping the deploy (SIG" + signal.getName() + "): the step under way is stopped, then everything done so far"
                    + " is put back. (Press Ctrl-C again to be asked whether to stop undoing.)");
            return;
        }
        if (stopUndoing.get()) {
            return;
        }
        if (console == null) {
            say("Still putting the stack back. There is no terminal to ask on, so Berth goes on undoing: stopping now"
                    + " would leave the stack half-done.");
            return;
        }
        if (!asking.compareAndSet(false, true)) {
            return; // the question is on the screen already
        }
        try {
            String answer = console.readLine("%nStop undoing and leave the stack half-done? [y/N] ");
            if (answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
                stopUndoing.set(true);
                say("Stopping the undo: the steps not undone are listed at the end; check them by hand.");
            } else {
                say("Undoing goes on.");
            }
        } finally {
            asking.set(false);
        }
    }

    private void say(String line) {
        synchronized (err) {
            err.println();
            err.println(line);
            err.flush();
        }
    }

    /** Puts the JVM's own handlers back. */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}

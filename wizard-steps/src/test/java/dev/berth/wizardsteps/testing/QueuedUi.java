package dev.berth.wizardsteps.testing;

import dev.berth.testsupport.Await;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A stand-in for the FX thread's queue ({@code Platform::runLater}): what workers post waits
 * here until the test's own thread, playing the UI thread, runs it. So a test sees exactly
 * what reaches the UI and when, with the real {@code ExecutorTaskRunner}'s worker threads.
 */
public final class QueuedUi implements Executor {
    private final BlockingQueue<Runnable> posted = new LinkedBlockingQueue<>();
    private final AtomicInteger postedEver = new AtomicInteger();

    @Override
    public void execute(Runnable update) {
        posted.add(update);
        postedEver.incrementAndGet();
    }

    /** How many updates were posted since the start, run or not. */
    public int postedSoFar() {
        return postedEver.get();
    }

    /** How many updates wait for the UI thread. */
    public int pending() {
        return posted.size();
    }

    /** Runs every update posted so far, in order, on the calling thread. */
    public void runPending() {
        Runnable next;
        while ((next = posted.poll()) != null) {
            next.run();
        }
    }

    /** Runs posted updates as they come until {@code done} holds (or fails after the await limit). */
    public void runUntil(String what, BooleanSupplier done) {
        Await.until(what, () -> {
            runPending();
            return done.getAsBoolean();
        });
    }

    /** Waits until workers have posted at least {@code count} updates since the start, without running them. */
    public void awaitPosted(String what, int count) {
        Await.until(what, this::postedSoFar, n -> n >= count);
    }
}

package dev.berth.engine.check;

import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One round of checks: started together, so they share one deadline; results are handed over
 * through a queue to the thread that waits, which alone talks to the listener.
 */
final class CheckRun {
    /** Put in the queue by cancel() to wake the waiting thread. */
    private static final CheckResult CANCELLED = new CheckResult("cancelled", null, Status.SKIP, null, null, null, null);

    private final ExecutorService pool;
    private final Duration timeout;
    private final BlockingQueue<CheckResult> finished = new LinkedBlockingQueue<>();
    private final List<Future<?>> running = new ArrayList<>();
    private final Set<String> timedOut = new HashSet<>();
    private volatile boolean cancelled;

    CheckRun(ExecutorService pool, Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    void start(List<Check> checks, CheckContext ctx, Consumer<CheckResult> deliver) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Check> pending = new ArrayList<>();
        synchronized (running) {
            for (Check c : checks) {
                if (c.needsPlan() && ctx.plan().isEmpty()) {
                    finished.add(CheckResult.skip(c, "Needs your answers (berth check --answers FILE)"));
                    continue;
                }
                pending.add(c);
                running.add(pool.submit(() -> {
                    CheckResult r = runOne(c, ctx);
                    if (r != null) {
                        finished.add(r);
                    }
                }));
            }
        }
        int outstanding = checks.size();
        try {
            while (outstanding > 0 && !cancelled) {
                long left = deadline - System.nanoTime();
                CheckResult r = left > 0 ? finished.poll(left, TimeUnit.NANOSECONDS) : finished.poll();
                if (r == null) {
                    break; // the deadline passed
                }
                outstanding = deliver(r, pending, outstanding, deliver);
            }
        } catch (InterruptedException e) {
            cancel(); // whoever waited is gone: the checks must not run on unseen
            throw e;
        }
        // Results that came in as the deadline passed still count.
        for (CheckResult r = finished.poll(); r != null && !cancelled; r = finished.poll()) {
            outstanding = deliver(r, pending, outstanding, deliver);
        }
        if (cancelled) {
            return;
        }
        stopAll();
        for (Check c : pending) {
            timedOut.add(c.id());
            deliver.accept(CheckResult.of(c, Status.FAIL, c.title() + " did not finish in " + limit(),
                    "It was stopped so the other checks could report.", "Run the check again; if it keeps hanging, "
                            + "look at what it tests on the target (a stuck Docker engine, a dead network mount, slow DNS)"));
        }
    }

    private int deliver(CheckResult r, List<Check> pending, int outstanding, Consumer<CheckResult> deliver) {
        if (r == CANCELLED || cancelled) {
            return outstanding;
        }
        pending.removeIf(c -> c.id().equals(r.checkId()));
        deliver.accept(r);
        return outstanding - 1;
    }

    /** The ids of the checks stopped at the deadline (known once start() returned). */
    Set<String> timedOut() {
        return timedOut;
    }

    private String limit() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** The result, or null when interrupted (cancelled or out of time: the waiting thread reports those). */
    private static CheckResult runOne(Check c, CheckContext ctx) {
        try {
            return c.run(ctx);
        } catch (InterruptedException e) {
            return null;
        } catch (TargetException e) {
            if (Thread.currentThread().isInterrupted()) {
                return null;
            }
            return CheckResult.of(c, Status.FAIL, "Could not check: " + e.getMessage(), "", "");
        } catch (RuntimeException e) {
            return CheckResult.of(c, Status.FAIL, "The check failed unexpectedly: " + e, "", "");
        }
    }

    void cancel() {
        cancelled = true;
        stopAll();
        finished.add(CANCELLED);
    }

    private void stopAll() {
        synchronized (running) {
            running.forEach(f -> f.cancel(true));
        }
    }
}

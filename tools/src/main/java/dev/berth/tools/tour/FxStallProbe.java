package dev.berth.tools.tour;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread stays busy: a helper thread keeps one tiny task queued on it
 * and, when it runs, notes how much CPU time the FX thread used since it was queued (its own
 * work: handlers, CSS, layout) and how long it waited in all (wall time, which also counts waiting
 * for the renderer and for a CPU on a loaded machine). The longest of each is the longest stretch
 * in which the window could not react.
 */
final class FxStallProbe implements AutoCloseable {
    private static final boolean TRACE = Boolean.getBoolean("berth.tour.stallTrace");
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong longestCpu = new AtomicLong();
    private final AtomicLong longestWall = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile boolean running = true;
    private volatile Thread fx;
    private final Thread thread;

    FxStallProbe() {
        Platform.runLater(() -> fx = Thread.currentThread());
        thread = Thread.ofPlatform().daemon().name("berth-fx-stall-probe").start(this::loop);
    }

    private void loop() {
        while (running) {
            Thread fxThread = fx;
            long cpuBefore = fxThread == null ? -1 : threads.getThreadCpuTime(fxThread.threadId());
            long posted = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                longestWall.accumulateAndGet(System.nanoTime() - posted, Math::max);
                if (cpuBefore >= 0) {
                    longestCpu.accumulateAndGet(threads.getCurrentThreadCpuTime() - cpuBefore, Math::max);
                }
                samples.incrementAndGet();
                ran.countDown();
            });
            try {
                if (TRACE) {
                    traceWhileWaiting(ran, posted);
                }
                ran.await();
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Debugging ({@code -Dberth.tour.stallTrace=true}): while a wait is long, prints what the FX thread does. */
    private void traceWhileWaiting(CountDownLatch ran, long posted) throws InterruptedException {
        while (!ran.await(5, TimeUnit.MILLISECONDS)) {
            Thread fxThread = fx;
            if (fxThread != null && System.nanoTime() - posted > 15_000_000) {
                StringBuilder sb = new StringBuilder("FX busy " + (System.nanoTime() - posted) / 1_000_000 + " ms:");
                for (StackTraceElement e : fxThread.getStackTrace()) {
                    sb.append("\n    ").append(e);
                }
                System.err.println(sb);
            }
        }
    }

    /** The most CPU time the FX thread spent before a queued task got its turn, in milliseconds. */
    double longestBusyMillis() {
        return longestCpu.get() / 1e6;
    }

    /** The longest a queued task waited for the FX thread, in milliseconds (wall time). */
    double longestWaitMillis() {
        return longestWall.get() / 1e6;
    }

    long samples() {
        return samples.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

package dev.berth.app.gui.tour;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread stays busy: a helper thread keeps one tiny task queued on it
 * and notes how long each waited. The longest wait is the longest stretch in which the window
 * could not react (to a click, a repaint), whatever kept it busy.
 */
final class FxStallProbe implements AutoCloseable {
    private final AtomicLong longest = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    FxStallProbe() {
        thread = Thread.ofPlatform().daemon().name("berth-fx-stall-probe").start(this::loop);
    }

    private void loop() {
        while (running) {
            long posted = System.nanoTime();
            CountDownLatch ran = new CountDownLatch(1);
            Platform.runLater(() -> {
                longest.accumulateAndGet(System.nanoTime() - posted, Math::max);
                samples.incrementAndGet();
                ran.countDown();
            });
            try {
                ran.await();
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The longest wait so far, in milliseconds. */
    double longestMillis() {
        return longest.get() / 1e6;
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

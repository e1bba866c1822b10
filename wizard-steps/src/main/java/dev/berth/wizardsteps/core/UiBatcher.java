package dev.berth.wizardsteps.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands reports from a worker thread to the UI thread in batches: however fast they come (an
 * image pull reports every few kilobytes), at most one hand-over waits on the UI thread at a
 * time, and it takes everything queued by then, in order. So the UI thread does one short piece
 * of work per batch instead of being flooded with one task per report.
 *
 * @param <T> what is reported
 */
public final class UiBatcher<T> implements Consumer<T> {
    private final TaskProgress progress;
    private final Consumer<List<T>> apply;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * @param progress the task's progress, whose {@link TaskProgress#ui} runs the hand-over
     * @param apply    called on the UI thread with each batch
     */
    public UiBatcher(TaskProgress progress, Consumer<List<T>> apply) {
        this.progress = progress;
        this.apply = apply;
    }

    /** Queues a report; call from the worker. */
    @Override
    public void accept(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            progress.ui(this::drain);
        }
    }

    private void drain() {
        // Cleared before taking, so a report queued while this batch is applied gets a hand-over of its own.
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            apply.accept(batch);
        }
    }
}

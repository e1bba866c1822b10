package dev.berth.wizardsteps.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.Await;
import dev.berth.wizardsteps.testing.QueuedUi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One slot for work redone when its input changes: only the newest run's answer is ever delivered. */
class LatestTaskTest {
    private final QueuedUi ui = new QueuedUi();
    private final ExecutorTaskRunner runner = new ExecutorTaskRunner(ui);
    private final LatestTask slot = new LatestTask(runner);
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        runner.close();
    }

    /** A run of {@link #stubborn}: when its work started, whether it was interrupted, when it answered. */
    private record Run(BackgroundTask<String> task, CountDownLatch started, AtomicBoolean interrupted, CountDownLatch answered) {
    }

    /**
     * Work that answers {@code answer} once {@code release} opens, even when interrupted in
     * between: an old run whose answer comes in late, as a slow network call would.
     */
    private Run stubborn(String answer, CountDownLatch release) {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        BackgroundTask<String> task = BackgroundTask.of(answer, p -> {
            started.countDown();
            try {
                while (true) {
                    try {
                        release.await();
                        return answer;
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                }
            } finally {
                answered.countDown();
            }
        });
        return new Run(task.onSuccess(delivered::add), started, interrupted, answered);
    }

    private BackgroundTask<String> quick(String answer) {
        return BackgroundTask.of(answer, p -> answer).onSuccess(delivered::add);
    }

    @Test
    void aNewRunCancelsTheOneBeforeWhoseLateAnswerIsDropped() {
        CountDownLatch release = new CountDownLatch(1);
        Run old = stubborn("old", release);
        slot.replace(old.task());
        assertTrue(slot.running());
        Await.until("the old run's work to start", () -> old.started().getCount() == 0);

        BackgroundTask<String> latest = slot.replace(quick("new"));
        assertTrue(old.task().isCancelled(), "the run before is cancelled");
        Await.until("the old run to be interrupted", () -> old.interrupted().get());
        ui.runUntil("the new answer", () -> !latest.runningProperty().get());
        assertEquals(List.of("new"), delivered);
        assertFalse(slot.running());

        // The old run answers after all, later than the new one: its answer reaches the UI thread and is dropped.
        int postedBefore = ui.postedSoFar();
        release.countDown();
        Await.until("the old run to answer", () -> old.answered().getCount() == 0);
        ui.awaitPosted("the old answer to be posted", postedBefore + 1);
        ui.runPending();
        assertEquals(List.of("new"), delivered, "a stale answer never overwrites a newer one");
    }

    @Test
    void inABurstOfChangesOnlyTheLastAnswerIsDelivered() {
        CountDownLatch release = new CountDownLatch(1);
        List<Run> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Run run = stubborn("run " + i, release);
            runs.add(run);
            slot.replace(run.task());
        }
        assertTrue(runs.subList(0, 4).stream().allMatch(r -> r.task().isCancelled()));
        release.countDown();
        ui.runUntil("the last run's answer", () -> !delivered.isEmpty());
        // A run cancelled before its work started never starts; those that started answer too, late.
        List<Run> started = runs.stream().filter(r -> r.started().getCount() == 0).toList();
        for (Run r : started) {
            Await.until(r.task().title() + " to answer", () -> r.answered().getCount() == 0);
        }
        ui.awaitPosted("every started run's answer to be posted", started.size());
        ui.runPending();
        assertEquals(List.of("run 4"), delivered);
    }

    @Test
    void cancelStopsTheRunAndLeavesTheSlotFree() {
        CountDownLatch release = new CountDownLatch(1);
        Run run = stubborn("cancelled", release);
        slot.replace(run.task());
        Await.until("the run's work to start", () -> run.started().getCount() == 0);
        slot.cancel();
        assertTrue(run.task().isCancelled());
        assertFalse(slot.running());
        slot.cancel(); // nothing left to cancel: no harm

        release.countDown();
        Await.until("the cancelled run to answer", () -> run.answered().getCount() == 0);
        BackgroundTask<String> next = slot.replace(quick("next"));
        ui.runUntil("the next run to finish", () -> !next.runningProperty().get());
        assertEquals(List.of("next"), delivered);
    }

    @Test
    void aFinishedRunIsNotCancelledByTheNext() {
        BackgroundTask<String> first = slot.replace(quick("first"));
        ui.runUntil("the first run to finish", () -> !first.runningProperty().get());
        BackgroundTask<String> second = slot.replace(quick("second"));
        ui.runUntil("the second run to finish", () -> !second.runningProperty().get());
        assertEquals(List.of("first", "second"), delivered, "answers in the order the runs were started");
    }
}

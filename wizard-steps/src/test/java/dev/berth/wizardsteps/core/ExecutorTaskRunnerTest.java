package dev.berth.wizardsteps.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.Await;
import dev.berth.wizardsteps.testing.QueuedUi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The app's task runner: work on worker threads, every outcome and progress report on the UI thread. */
class ExecutorTaskRunnerTest {
    private final QueuedUi ui = new QueuedUi();
    private final ExecutorTaskRunner runner = new ExecutorTaskRunner(ui);
    private final Thread uiThread = Thread.currentThread();
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void close() {
        runner.close();
    }

    /** Work that blocks until cancelled, and says when it started and when it was interrupted. */
    private record Blocking(CountDownLatch started, CountDownLatch interrupted, AtomicBoolean sawCancelled) {
        Blocking() {
            this(new CountDownLatch(1), new CountDownLatch(1), new AtomicBoolean());
        }

        BackgroundTask.Work<String> work(CountDownLatch never) {
            return p -> {
                started.countDown();
                try {
                    never.await();
                    return "never";
                } catch (InterruptedException e) {
                    sawCancelled.set(p.cancelled());
                    interrupted.countDown();
                    throw e;
                }
            };
        }
    }

    @Test
    void theWorkRunsOffTheUiThreadAndItsResultArrivesOnIt() {
        AtomicReference<Thread> worker = new AtomicReference<>();
        List<String> outcome = new CopyOnWriteArrayList<>();
        BackgroundTask<String> task = runner.execute(BackgroundTask.of("work", p -> {
            worker.set(Thread.currentThread());
            return "result";
        }).onSuccess(r -> outcome.add(r + " on " + (Thread.currentThread() == uiThread ? "ui" : "other")))
                .onFinished(() -> outcome.add("finished")));
        assertTrue(task.runningProperty().get(), "running from the moment it is started");

        ui.awaitPosted("the result to be posted to the UI thread", 1);
        assertEquals(List.of(), outcome, "nothing reaches the task before the UI thread runs it");
        assertTrue(task.runningProperty().get());
        ui.runPending();

        assertEquals(List.of("result on ui", "finished"), outcome);
        assertFalse(task.runningProperty().get());
        assertNotSame(uiThread, worker.get());
        assertTrue(worker.get().isVirtual(), worker.get().toString());
        assertTrue(worker.get().getName().startsWith("berth-task-"), worker.get().getName());
    }

    @Test
    void progressAndUpdatesArriveOnTheUiThreadInTheOrderTheWorkSentThem() {
        List<String> seen = new CopyOnWriteArrayList<>();
        BackgroundTask<String> task = BackgroundTask.of("work", p -> {
            p.message("first");
            p.fraction(0.5);
            p.ui(() -> seen.add("update on " + (Thread.currentThread() == uiThread ? "ui" : "other")));
            p.message("second");
            return "done";
        });
        task.messageProperty().addListener((o, was, now) -> seen.add("message " + now));
        task.progressProperty().addListener((o, was, now) -> seen.add("progress " + now));
        runner.execute(task.onSuccess(r -> seen.add("success " + r)));

        ui.awaitPosted("four reports and the result", 5);
        assertEquals(List.of(), seen, "reports wait for the UI thread");
        ui.runPending();
        assertEquals(List.of("message first", "progress 0.5", "update on ui", "message second", "success done"), seen);
    }

    @Test
    void aFailureArrivesOnTheUiThread() {
        IllegalStateException boom = new IllegalStateException("boom");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean onUi = new AtomicBoolean();
        AtomicInteger finished = new AtomicInteger();
        BackgroundTask<String> task = runner.execute(BackgroundTask.<String>of("work", p -> {
            throw boom;
        }).onSuccess(r -> failure.set(new AssertionError("succeeded with " + r))).onFailure(e -> {
            failure.set(e);
            onUi.set(Thread.currentThread() == uiThread);
        }).onFinished(finished::incrementAndGet));

        ui.runUntil("the failure to arrive", () -> !task.runningProperty().get());
        assertSame(boom, failure.get());
        assertTrue(onUi.get());
        assertEquals(1, finished.get());
    }

    @Test
    void cancelInterruptsTheWorkAndItsOutcomeNeverArrives() {
        Blocking blocking = new Blocking();
        List<String> outcome = new CopyOnWriteArrayList<>();
        BackgroundTask<String> task = runner.execute(BackgroundTask.of("work", blocking.work(never))
                .onSuccess(r -> outcome.add("success")).onFailure(e -> outcome.add("failure " + e))
                .onFinished(() -> outcome.add("finished")));
        Await.until("the work to start", () -> blocking.started().getCount() == 0);

        task.cancel();
        assertEquals(List.of("finished"), outcome, "cancelling finishes the task at once");
        assertFalse(task.runningProperty().get());
        Await.until("the work to be interrupted", () -> blocking.interrupted().getCount() == 0);
        assertTrue(blocking.sawCancelled().get(), "the work can tell it was cancelled");

        // The interrupted work still posts its failure; the task drops it.
        ui.awaitPosted("the interrupted work's failure to be posted", 1);
        ui.runPending();
        assertEquals(List.of("finished"), outcome);
        assertTrue(task.isCancelled());
    }

    @Test
    void updatesPostedBeforeACancelAreDroppedWhenTheyReachTheUiThreadAfterIt() {
        CountDownLatch reported = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        BackgroundTask<String> task = BackgroundTask.of("work", p -> {
            p.ui(() -> seen.add("update"));
            p.message("message");
            reported.countDown();
            never.await();
            return "never";
        });
        runner.execute(task.onFailure(e -> seen.add("failure")));
        Await.until("the work to report", () -> reported.getCount() == 0);

        task.cancel();
        ui.awaitPosted("the interrupted work's failure to be posted", 3);
        ui.runPending();
        assertEquals(List.of(), seen);
        assertEquals("", task.messageProperty().get());
    }

    @Test
    void cancelAllAndCloseStopEveryTaskStillRunning() {
        Blocking first = new Blocking();
        Blocking second = new Blocking();
        BackgroundTask<String> a = runner.execute(BackgroundTask.of("a", first.work(never)));
        BackgroundTask<String> b = runner.execute(BackgroundTask.of("b", second.work(never)));
        BackgroundTask<String> done = runner.execute(BackgroundTask.of("done", p -> "quick"));
        ui.runUntil("the quick task to finish", () -> !done.runningProperty().get());

        runner.cancelAll();
        assertTrue(a.isCancelled() && b.isCancelled(), "both running tasks are cancelled");
        assertFalse(done.isCancelled(), "a finished task is left alone");
        Await.until("both to be interrupted", () -> first.interrupted().getCount() + second.interrupted().getCount() == 0);

        Blocking third = new Blocking();
        BackgroundTask<String> c = runner.execute(BackgroundTask.of("c", third.work(never)));
        Await.until("the third to start", () -> third.started().getCount() == 0);
        runner.close();
        assertTrue(c.isCancelled());
        Await.until("the third to be interrupted when the wizard closes", () -> third.interrupted().getCount() == 0);
    }
}

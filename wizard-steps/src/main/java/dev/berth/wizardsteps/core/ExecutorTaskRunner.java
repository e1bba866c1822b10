package dev.berth.wizardsteps.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs each task on a virtual thread of its own (most of them wait on the network or on the
 * target) and hands results to the UI thread through {@code ui}: {@code Platform::runLater} in
 * the app.
 */
public final class ExecutorTaskRunner implements TaskRunner {
    private final Executor ui;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("berth-task-", 0).factory());
    private final Set<BackgroundTask<?>> active = ConcurrentHashMap.newKeySet();

    public ExecutorTaskRunner(Executor ui) {
        this.ui = ui;
    }

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        active.add(task);
        TaskProgress progress = new Progress(task);
        Future<?> future = workers.submit(() -> {
            try {
                T result = task.callWork(progress);
                ui.execute(() -> task.succeeded(result));
            } catch (Throwable e) {
                ui.execute(() -> task.failed(e));
            } finally {
                active.remove(task);
            }
        });
        task.started(() -> {
            future.cancel(true);
            active.remove(task);
        });
        return task;
    }

    @Override
    public void ui(Runnable update) {
        ui.execute(update);
    }

    /** Call on the UI thread. */
    @Override
    public void cancelAll() {
        Set.copyOf(active).forEach(BackgroundTask::cancel);
    }

    /** Call on the UI thread, when the wizard closes. */
    @Override
    public void close() {
        cancelAll();
        workers.shutdownNow();
    }

    private final class Progress implements TaskProgress {
        private final BackgroundTask<?> task;

        Progress(BackgroundTask<?> task) {
            this.task = task;
        }

        @Override
        public void message(String text) {
            ui.execute(() -> task.report(text, Double.NaN));
        }

        @Override
        public void fraction(double done) {
            ui.execute(() -> task.report(null, done));
        }

        @Override
        public void ui(Runnable update) {
            ui.execute(() -> {
                if (!task.isCancelled()) {
                    update.run();
                }
            });
        }

        @Override
        public boolean cancelled() {
            return task.isCancelled() || Thread.currentThread().isInterrupted();
        }
    }
}

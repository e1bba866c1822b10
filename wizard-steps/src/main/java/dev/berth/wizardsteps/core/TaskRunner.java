package dev.berth.wizardsteps.core;

/**
 * Runs {@link BackgroundTask}s off the UI thread and brings their outcome back to it. The app
 * uses {@link ExecutorTaskRunner} with JavaFX's thread; ViewModel tests use
 * {@link CurrentThreadTaskRunner}, so asynchronous code runs in order and tests need no waiting.
 */
public interface TaskRunner extends AutoCloseable {
    /** Starts the task; call on the UI thread. Returns the same task, for chaining. */
    <T> BackgroundTask<T> execute(BackgroundTask<T> task);

    /** Runs on the UI thread later (or now, in tests). */
    void ui(Runnable update);

    /** Cancels every task still running: when the wizard closes. */
    void cancelAll();

    @Override
    default void close() {
        cancelAll();
    }
}

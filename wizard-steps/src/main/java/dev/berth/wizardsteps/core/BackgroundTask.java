package dev.berth.wizardsteps.core;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Slow work for a ViewModel: runs off the UI thread (through a {@link TaskRunner}), reports its
 * progress and its outcome on the UI thread. Its properties change only on the UI thread, so a
 * ViewModel may bind to them; bind when starting and unbind in {@link #onFinished}.
 *
 * <p>The work gets its inputs as an immutable value captured before it starts, never a live
 * property: the person may go on typing while it runs. After {@link #cancel()} no callback runs.
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {
    /** The work itself: called once, on a worker thread. An interrupt means cancel. */
    @FunctionalInterface
    public interface Work<T> {
        T call(TaskProgress progress) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = BackgroundTask::rethrow;
    private Runnable onFinished = () -> { };
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private volatile boolean cancelled;
    private volatile Runnable stopper = () -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /** Called on the UI thread with the result, unless cancelled. */
    public BackgroundTask<T> onSuccess(Consumer<T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /**
     * Called on the UI thread when the work threw, unless cancelled. Without a handler the
     * failure goes to the global exception handler: an unexpected failure is never silent.
     */
    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the UI thread once the task is over: succeeded, failed or cancelled. */
    public BackgroundTask<T> onFinished(Runnable handler) {
        this.onFinished = Objects.requireNonNull(handler);
        return this;
    }

    public String title() {
        return title;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** From 0 to 1, or -1 while it cannot tell. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Stops the work (interrupts it) and drops its outcome. Call on the UI thread. */
    public void cancel() {
        if (cancelled || !running.get()) {
            cancelled = true;
            return;
        }
        cancelled = true;
        stopper.run();
        finish();
    }

    // What runners call. Kept public so runners in other packages (the app's) can be written.

    /** On the UI thread, before the work starts; {@code stop} interrupts it. */
    public void started(Runnable stop) {
        this.stopper = Objects.requireNonNull(stop);
        running.set(true);
    }

    /** On the worker thread. */
    public T callWork(TaskProgress p) throws Exception {
        return work.call(p);
    }

    /** On the UI thread. */
    public void succeeded(T result) {
        if (cancelled) {
            return;
        }
        try {
            onSuccess.accept(result);
        } finally {
            finish();
        }
    }

    /** On the UI thread. */
    public void failed(Throwable error) {
        if (cancelled) {
            return;
        }
        try {
            onFailure.accept(error);
        } finally {
            finish();
        }
    }

    /** On the UI thread, from the work's progress reports. */
    public void report(String newMessage, double fraction) {
        if (cancelled) {
            return;
        }
        if (newMessage != null) {
            message.set(newMessage);
        }
        if (!Double.isNaN(fraction)) {
            progress.set(fraction);
        }
    }

    private void finish() {
        if (running.get()) {
            running.set(false);
            onFinished.run();
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t.getMessage(), t);
    }
}

package dev.berth.wizardsteps.core;

/**
 * One slot for work that is redone when its input changes (a connection test, a check run): a
 * new run cancels the one before, so an old answer never overwrites a newer one.
 */
public final class LatestTask {
    private final TaskRunner runner;
    private BackgroundTask<?> current;

    public LatestTask(TaskRunner runner) {
        this.runner = runner;
    }

    /** Cancels the previous run, if still going, and starts this one. */
    public <T> BackgroundTask<T> replace(BackgroundTask<T> task) {
        cancel();
        current = task;
        return runner.execute(task);
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    public boolean running() {
        return current != null && current.runningProperty().get();
    }
}

package dev.berth.wizardsteps.core;

/**
 * Runs every task at once on the calling thread, and UI updates in place: for ViewModel tests,
 * which then need no display, no FX thread and no waiting.
 */
public final class CurrentThreadTaskRunner implements TaskRunner {
    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        task.started(() -> { });
        TaskProgress progress = new TaskProgress() {
            @Override
            public void message(String text) {
                task.report(text, Double.NaN);
            }

            @Override
            public void fraction(double done) {
                task.report(null, done);
            }

            @Override
            public void ui(Runnable update) {
                if (!task.isCancelled()) {
                    update.run();
                }
            }

            @Override
            public boolean cancelled() {
                return task.isCancelled();
            }
        };
        T result;
        try {
            result = task.callWork(progress);
        } catch (Exception e) {
            task.failed(e);
            return task;
        }
        task.succeeded(result);
        return task;
    }

    @Override
    public void ui(Runnable update) {
        update.run();
    }

    @Override
    public void cancelAll() {
        // Nothing runs after execute() returned.
    }
}

package dev.berth.app.gui;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Runs a dialog on the FX thread and waits for its answer, from whichever thread asks. */
final class FxThread {
    private FxThread() {
    }

    static <T> T call(Supplier<T> work) {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        FutureTask<T> task = new FutureTask<>(work::get);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an answer", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

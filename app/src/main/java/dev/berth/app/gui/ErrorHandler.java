package dev.berth.app.gui;

import javafx.application.Platform;
import javafx.stage.Window;

/**
 * The one place unexpected failures end up, from any thread: shown in a dialog with details the
 * person can copy (and printed, for whoever started Berth from a terminal). A failure while
 * showing the dialog is only printed, so it cannot loop.
 */
final class ErrorHandler {
    private static volatile boolean showing;

    private ErrorHandler() {
    }

    static void install(Window owner) {
        Thread.UncaughtExceptionHandler handler = (thread, error) -> report(owner, error);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);
    }

    static void report(Window owner, Throwable error) {
        error.printStackTrace();
        if (showing) {
            return;
        }
        Platform.runLater(() -> {
            showing = true;
            try {
                ErrorDialog.show(owner, "Something went wrong",
                        "Berth hit a problem it did not expect: " + (error.getMessage() == null ? error.getClass().getSimpleName()
                                : error.getMessage()) + "\n\nYour choices so far are kept. If it happens again, "
                                + "copy the details below into a bug report.", error);
            } catch (RuntimeException e) {
                e.printStackTrace();
            } finally {
                showing = false;
            }
        });
    }
}

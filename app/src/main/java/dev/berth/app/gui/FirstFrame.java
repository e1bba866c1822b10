package dev.berth.app.gui;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Runs something once the window is showing and its first layout pulse is done: the page is ready for input. */
final class FirstFrame {
    private FirstFrame() {
    }

    static void then(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
                return;
            }
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}

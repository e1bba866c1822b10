package dev.berth.app.gui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Start-up measurement for the benchmark and the installers' AOT-cache training run. With
 * {@code -Dberth.startupProbe=FILE}, writes one line to FILE once the first page is laid out,
 * shown and ready for input: the milliseconds since the JVM started. With
 * {@code -Dberth.exitAfterStartup=true} the wizard then closes at once.
 */
record StartupProbe(Path file, boolean exitAfter) {
    static Optional<StartupProbe> fromSystemProperties() {
        String file = System.getProperty("berth.startupProbe");
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StartupProbe(Path.of(file), Boolean.getBoolean("berth.exitAfterStartup")));
    }

    /** Measures after the first layout pulse with the window showing, then the frame it draws. */
    void whenReady(Scene scene, Runnable exit) {
        FirstFrame.then(scene, () -> {
            write(System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
            if (exitAfter) {
                Platform.runLater(exit);
            }
        });
    }

    private void write(long millis) {
        try {
            Files.writeString(file, millis + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("Could not write the start-up time to " + file + ": " + e.getMessage());
        }
    }
}

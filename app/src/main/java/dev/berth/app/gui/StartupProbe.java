package dev.berth.app.gui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * The start-up probe: tells a benchmark, a test or the AOT training run when the wizard's first
 * page is ready for input. The contract every tool relies on is written down once, in
 * installers/README.md ("The start-up probe"): with {@code -Dberth.startupProbe=FILE} the app
 * writes {@code System.currentTimeMillis()} at that moment as one decimal line, to FILE.tmp
 * renamed to FILE; with {@code -Dberth.exitAfterStartup=true} the wizard then closes.
 *
 * <p>Wall-clock time rather than time since the JVM started: the reader subtracts the moment it
 * launched Berth, so the figure includes the native launcher and the JVM's own start.
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
            write(System.currentTimeMillis());
            if (exitAfter) {
                Platform.runLater(exit);
            }
        });
    }

    /** Writes beside the file and renames, so a reader polling for FILE never sees half a line. */
    void write(long epochMillis) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, epochMillis + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Never breaks the start: the wizard is what the person came for.
            System.err.println("Could not write the start-up time to " + file + ": " + e.getMessage());
        }
    }
}

package dev.berth.app.gui;

import java.nio.file.Path;
import javafx.application.Application;

/**
 * Starts the wizard window. The only class the command line touches on the way to the GUI, so a
 * CLI start never loads JavaFX.
 */
public final class WizardLauncher {
    /** Held so the filter sticks: JUL keeps loggers weakly. */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private WizardLauncher() {
    }

    /**
     * Opens the wizard and returns when its window closed.
     *
     * @param answersFile an answers file to pre-fill from, or null
     * @return the exit code
     */
    public static int launch(Path answersFile) {
        if (!DisplayCheck.available()) {
            System.err.println("Berth's wizard needs a display, and there is none (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                    + "Start it from a desktop session, or use the command line: berth --help");
            return 2;
        }
        WizardApp.answersFile = answersFile == null ? null : answersFile.toAbsolutePath();
        // JavaFX warns that it runs from the class path; that is how Berth ships, so the line is noise.
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        Application.launch(WizardApp.class);
        return 0;
    }

    /**
     * For the launcher's AOT cache: opens the wizard and closes it as soon as the first
     * page is ready, so the cache also holds the classes the wizard starts with. Does nothing
     * without a display.
     */
    public static void trainStartup() throws java.io.IOException {
        if (!DisplayCheck.available()) {
            return;
        }
        Path probe = java.nio.file.Files.createTempFile("berth-startup-", ".txt");
        try {
            System.setProperty("berth.startupProbe", probe.toString());
            System.setProperty("berth.exitAfterStartup", "true");
            launch(null);
        } finally {
            java.nio.file.Files.deleteIfExists(probe);
        }
    }
}

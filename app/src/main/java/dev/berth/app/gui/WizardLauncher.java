package dev.berth.app.gui;

import java.nio.file.Path;
import javafx.application.Application;

/**
 * Starts the wizard window. The only class the command line touches on the way to the GUI, so a
 * CLI start never loads JavaFX.
 */
public final class WizardLauncher {
    /** Held so the level sticks: JUL keeps loggers weakly. */
    private static final java.util.logging.Logger QUIET_PLATFORM_LOG =
            java.util.logging.Logger.getLogger("com.sun.javafx.application.PlatformImpl");

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
        QUIET_PLATFORM_LOG.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(WizardApp.class);
        return 0;
    }
}

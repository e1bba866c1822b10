package dev.berth.tools.tour;

import dev.berth.app.gui.WindowState;
import dev.berth.app.gui.WizardApp;
import dev.berth.app.gui.WizardWindow;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The wizard as the app opens it, walked from its first page to its last by {@link WizardTour}:
 * {@code TourMain --answers FILE --out DIR [--no-screenshots]}. The wizard benchmark runs it in a
 * JVM of its own with the launcher's options; the app itself knows nothing of tours. Not an
 * Application itself: java refuses such a main class when JavaFX is on the class path, as in
 * Berth (hence the nested {@link App}, like the app's Main and WizardApp).
 */
public final class TourMain {
    /** Set by {@link #main} before launch (Application.launch takes no objects). */
    private static volatile Path answersFile;
    private static volatile WizardTour.Settings settings;

    private TourMain() {
    }

    public static void main(String[] args) {
        Path answers = null;
        Path out = null;
        boolean screenshots = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--answers" -> answers = Path.of(args[++i]).toAbsolutePath();
                case "--out" -> out = Path.of(args[++i]);
                case "--no-screenshots" -> screenshots = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: TourMain --answers FILE --out DIR [--no-screenshots]");
            }
        }
        if (answers == null || out == null) {
            throw new IllegalArgumentException("usage: TourMain --answers FILE --out DIR [--no-screenshots]");
        }
        answersFile = answers;
        settings = new WizardTour.Settings(out, screenshots, 1200, 860);
        Application.launch(App.class);
        // As berth's main does: the deploy's and Docker's threads must not keep the JVM alive after the window closed.
        System.exit(0);
    }

    /** The JavaFX application: the wizard's window, then the tour on it. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            // WindowState.none(): a tour starts at the tour's size and never moves the person's remembered window.
            WizardWindow window = WizardApp.open(stage, answersFile, WindowState.none(), getHostServices()::showDocument);
            WizardTour.start(window, settings, window::closeNow);
        }
    }
}

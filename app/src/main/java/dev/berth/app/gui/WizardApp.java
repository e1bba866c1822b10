package dev.berth.app.gui;

import dev.berth.app.gui.tour.WizardTour;
import dev.berth.wizardsteps.core.WizardBackend;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one window holding the wizard. */
public final class WizardApp extends Application {
    /** Set by {@link WizardLauncher} before launch (Application.launch takes no objects). */
    static volatile Path answersFile;

    @Override
    public void start(Stage stage) {
        ErrorHandler.install(stage);
        var tour = WizardTour.Settings.fromSystemProperties();
        // A tour (screenshots, the benchmark) starts at the default size and leaves the person's remembered one alone.
        WizardWindow window = WizardWindow.open(stage, WizardBackend.standard(), answersFile,
                tour.isPresent() ? WindowState.none() : WindowState.standard(), getHostServices()::showDocument);
        StartupProbe.fromSystemProperties().ifPresent(probe -> probe.whenReady(stage.getScene(), window::closeNow));
        Preload.start();
        tour.ifPresent(settings -> WizardTour.start(window, settings, window::closeNow));
    }
}

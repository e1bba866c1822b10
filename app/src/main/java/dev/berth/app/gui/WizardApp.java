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
        var probe = StartupProbe.fromSystemProperties();
        var tour = WizardTour.Settings.fromSystemProperties();
        // A training run (open, then close at once) or a tour (screenshots, the benchmark) starts at the
        // default size and must not move the person's remembered window.
        boolean scripted = tour.isPresent() || probe.filter(StartupProbe::exitAfter).isPresent();
        WizardWindow window = WizardWindow.open(stage, WizardBackend.standard(), answersFile,
                scripted ? WindowState.none() : WindowState.standard(), getHostServices()::showDocument);
        probe.ifPresent(p -> p.whenReady(stage.getScene(), window::closeNow));
        // After the first page is up, not before: on two cores it would compete with drawing it.
        FirstFrame.then(stage.getScene(), Preload::start);
        tour.ifPresent(settings -> WizardTour.start(window, settings, window::closeNow));
    }
}

package dev.berth.app.gui;

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
        // A training run (open, then close at once) must not move the person's remembered window.
        WindowState windowState = probe.filter(StartupProbe::exitAfter).isPresent() ? WindowState.none() : WindowState.standard();
        WizardWindow window = WizardWindow.open(stage, WizardBackend.standard(), answersFile, windowState);
        probe.ifPresent(p -> p.whenReady(stage.getScene(), window::closeNow));
        // After the first page is up, not before: on two cores it would compete with drawing it.
        FirstFrame.then(stage.getScene(), Preload::start);
    }
}

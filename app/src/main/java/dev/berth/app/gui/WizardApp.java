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
        WizardWindow window = WizardWindow.open(stage, WizardBackend.standard(), answersFile, WindowState.standard());
        StartupProbe.fromSystemProperties().ifPresent(probe -> probe.whenReady(stage.getScene(), window::closeNow));
        Preload.start();
    }
}

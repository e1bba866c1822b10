package dev.berth.app.gui;

import dev.berth.wizardsteps.core.WizardBackend;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: one window holding the wizard. */
public final class WizardApp extends Application {
    /** Set by {@link WizardLauncher} before launch (Application.launch takes no objects). */
    static volatile Path answersFile;

    @Override
    public void start(Stage stage) {
        var probe = StartupProbe.fromSystemProperties();
        // A training run (open, then close at once) starts at the default size and must not move the
        // person's remembered window.
        boolean training = probe.filter(StartupProbe::exitAfter).isPresent();
        WizardWindow window = open(stage, answersFile, training ? WindowState.none() : WindowState.standard(),
                getHostServices()::showDocument);
        probe.ifPresent(p -> p.whenReady(stage.getScene(), window::closeNow));
    }

    /**
     * Opens the wizard in {@code stage} the way the app does: the real backend, the error dialog for
     * unexpected failures, and the catalog and validator loaded once the first page is shown.
     * Whatever drives the wizard from outside (the screenshot tour and the benchmarks in tools/)
     * opens it here and works on the returned window.
     *
     * @param answersFile an answers file to pre-fill from, or null
     * @param browser     opens a web address (the application's HostServices)
     */
    public static WizardWindow open(Stage stage, Path answersFile, WindowState windowState, Consumer<String> browser) {
        ErrorHandler.install(stage);
        WizardWindow window = WizardWindow.open(stage, WizardBackend.standard(), answersFile, windowState, browser);
        // After the first page is up, not before: on two cores it would compete with drawing it. One
        // turn later still, so what else waits for that page (the start-up probe) goes first.
        FirstFrame.then(stage.getScene(), () -> Platform.runLater(Preload::start));
        return window;
    }
}

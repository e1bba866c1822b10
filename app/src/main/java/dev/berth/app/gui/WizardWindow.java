package dev.berth.app.gui;

import dev.berth.wizardsteps.WizardStep;
import dev.berth.wizardsteps.WizardSteps;
import dev.berth.wizardsteps.core.ExecutorTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.core.WizardModel;
import dev.berth.wizardsteps.view.Stylesheet;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The wizard in a window: wires the shared context, the steps and the shell, applies the theme
 * and the remembered size, and asks before closing. The app and the TestFX tests both open it.
 */
public final class WizardWindow {
    private final Stage stage;
    private final StepContext ctx;
    private final WizardShell shell;
    private final WindowState windowState;
    private boolean closed;

    private WizardWindow(Stage stage, StepContext ctx, WizardShell shell, WindowState windowState) {
        this.stage = stage;
        this.ctx = ctx;
        this.shell = shell;
        this.windowState = windowState;
    }

    /**
     * @param answersFile an answers file to pre-fill from ({@code berth --answers FILE}), or null
     */
    public static WizardWindow open(Stage stage, WizardBackend backend, Path answersFile, WindowState windowState) {
        return open(stage, backend, answersFile, windowState, WizardWindow::openWithDesktop);
    }

    /**
     * @param browser opens a web address: the application's HostServices, or something a test can see
     */
    public static WizardWindow open(Stage stage, WizardBackend backend, Path answersFile, WindowState windowState,
                                    Consumer<String> browser) {
        FxDialogService dialogs = new FxDialogService(stage, browser);
        StepContext ctx = StepContext.create(backend, new ExecutorTaskRunner(Platform::runLater), dialogs);
        if (answersFile != null) {
            ctx.model().setStart(WizardModel.Start.ANSWERS_FILE);
            ctx.model().setAnswersFile(answersFile);
        }
        List<WizardStep<?>> steps = WizardSteps.all(ctx);
        Theme theme = new Theme();
        WizardShell shell = new WizardShell(steps, theme);
        Scene scene = new Scene(shell, 1080, 720);
        scene.getStylesheets().add(Stylesheet.url());
        WizardWindow window = new WizardWindow(stage, ctx, shell, windowState);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
                e.consume();
                window.requestClose();
            }
        });
        stage.setTitle("Berth");
        stage.setMinWidth(820);
        stage.setMinHeight(560);
        stage.setScene(scene);
        windowState.restore(stage);
        stage.setOnCloseRequest(e -> {
            e.consume();
            window.requestClose();
        });
        // The first page goes in before the window shows, so the first CSS pass and layout are the
        // only ones before it is drawn (shown first, the empty shell was styled and laid out twice).
        shell.start();
        stage.show();
        return window;
    }

    public Stage stage() {
        return stage;
    }

    public WizardShell shell() {
        return shell;
    }

    public StepContext context() {
        return ctx;
    }

    /**
     * Esc or the window's close button: asks first, since the choices so far would be lost; on the
     * last page (the stack runs) it just closes. During a deploy it offers to stop it, and closes
     * once the previous stack is back.
     */
    public void requestClose() {
        StepViewModel current = shell.flow().current();
        if (current.busyProperty().get()) {
            if (ctx.dialogs().confirm("Stop and close?", "A deploy is under way. Berth stops after the step it is on, "
                    + "puts back everything it changed, then closes.", "_Stop and close", "_Keep going")) {
                current.busyProperty().addListener((o, was, busy) -> {
                    if (!busy) {
                        closeNow();
                    }
                });
                current.stop();
            }
            return;
        }
        if (shell.flow().onLastProperty().get()
                || ctx.dialogs().confirm("Close Berth?", "Your choices so far are not saved.", "_Close", "_Stay")) {
            closeNow();
        }
    }

    /** Without the application's HostServices (tests, tools): the desktop's own opener. */
    private static void openWithDesktop(String url) {
        try {
            new ProcessBuilder("xdg-open", url).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            System.err.println("Could not open " + url + ": " + e.getMessage());
        }
    }

    /** Closes without asking: after the question, or at the end of a start-up training run. */
    public void closeNow() {
        if (closed) {
            return;
        }
        closed = true;
        windowState.save(stage);
        shell.flow().close();
        ctx.close();
        stage.hide();
        Platform.exit();
    }
}

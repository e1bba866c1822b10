package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.WizardBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard window opened for one test, and the moves a person makes in it: wait until the page
 * is ready, press Next, read what is shown. Waits poll the window on the FX thread; their limits
 * are generous (a deploy waits for health) and only stop a test that would hang.
 */
final class WizardDriver implements AutoCloseable {
    private static final long MAX_WAIT_SECONDS = 300;

    final FxRobot robot = new FxRobot();
    final List<String> opened = new ArrayList<>();
    private WizardWindow window;

    WizardDriver(WizardBackend backend, Path answersFile) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> window = WizardWindow.open(stage, backend, answersFile, WindowState.none(),
                url -> opened.add(url)));
    }

    WizardWindow window() {
        return window;
    }

    StepViewModel page() {
        return onFx(() -> window.shell().flow().current());
    }

    String title() {
        return onFx(() -> robot.lookup("#step-title").queryAs(Label.class).getText());
    }

    /**
     * Waits until the page's answers are good and nothing runs on it, then returns its title. A page
     * that was busy (a deploy) and ended without getting good fails the test at once, with what it says.
     */
    String waitUntilReady() {
        boolean[] wasBusy = {false};
        until("the page \"" + title() + "\" to be ready", () -> {
            StepViewModel p = window.shell().flow().current();
            wasBusy[0] |= p.busyProperty().get();
            return p.isValid() && !p.busyProperty().get() || wasBusy[0] && !p.busyProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
        if (!onFx(() -> window.shell().flow().current().isValid())) {
            fail("\"" + title() + "\" ended without success: " + texts("#deploy-outcome .label") + texts(".job-row .label")
                    + texts(".service-row .label") + texts(".service-row .text-area"));
        }
        return title();
    }

    /** Presses Next (by its button, as a person does). */
    void next() {
        robot.clickOn("#next");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for a condition evaluated on the FX thread. */
    void until(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(MAX_WAIT_SECONDS, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            fail("waited " + MAX_WAIT_SECONDS + " s for " + what + "; the page says: " + onFx(() -> window.shell().flow().current()
                    .summaryProperty().get()));
        }
    }

    <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    <T extends Node> T find(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    /** The texts of every label matching a query, in the page's order. */
    List<String> texts(String query) {
        return onFx(() -> robot.lookup(query).queryAll().stream().map(n -> n instanceof javafx.scene.control.Labeled l ? l.getText()
                : n instanceof javafx.scene.control.TextInputControl t ? t.getText() : n.toString()).toList());
    }

    @Override
    public void close() throws Exception {
        // Not closeNow(): that ends the FX platform, which the next test needs.
        FxToolkit.setupFixture(() -> {
            window.shell().flow().close();
            window.context().close();
        });
        FxToolkit.cleanupStages();
    }
}

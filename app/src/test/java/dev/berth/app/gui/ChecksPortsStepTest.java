package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.checks.ChecksViewModel;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The System check page with Jellyfin's port held by the test: the row's button takes a free port, and the row passes. */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class ChecksPortsStepTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private ServerSocket held;

    @Start
    void start(Stage stage) throws IOException {
        held = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        Drafts.upToApps(ctx, "jellyfin");
        ctx.model().setPortOverrides(Map.of("jellyfin", held.getLocalPort()));
        StepHarness.open(stage, ctx, ChecksViewModel.class);
    }

    @AfterEach
    void release() throws IOException {
        held.close();
    }

    @Test
    void theButtonTakesTheSuggestedPortAndTheRowSaysWhichPortIsUsed(FxRobot robot) {
        int port = held.getLocalPort();
        Node row = robot.lookup("#check-ports").query();
        Button use = robot.from(row).lookup("#port-action").queryButton();
        assertTrue(WizardWindowTest.shown(use), "the failing row offers the suggested port");
        assertTrue(use.getText().matches("Use port \\d+"), use.getText());
        int next = Integer.parseInt(use.getText().substring("Use port ".length()));

        robot.clickOn(use);
        assertEquals(Map.of("jellyfin", next), ctx.model().answers().portOverrides());
        assertEquals("Back to port " + port, use.getText());
        assertTrue(robot.from(row).lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().endsWith("Jellyfin web UI now on port " + next + " (was " + port + ")")), "the row says so");
    }
}

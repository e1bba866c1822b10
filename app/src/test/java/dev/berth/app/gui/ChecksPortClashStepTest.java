package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.checks.ChecksViewModel;
import dev.berth.wizardsteps.core.CurrentThreadTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The System check page on the guide's home server where Emby, tried before, still holds
 * Jellyfin's port 8096: the Host ports row fails, open, with "Use port 8097"; the button moves
 * Jellyfin there and the row passes. The guide's system-check-port-clash.png comes from here.
 * (ChecksPortsStepTest does the same with a port the test really holds, on a random port.)
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class ChecksPortClashStepTest {
    private final StepContext ctx = StepContext.create(HomeServerChecks.backend(Map.of(8096, "the container emby")),
            new CurrentThreadTaskRunner(), new ScriptedDialogs());
    private WizardShell shell;

    @Start
    void start(Stage stage) {
        ctx.model().setStorage(HomeServerChecks.STORAGE);
        ctx.model().setServices(List.of("jellyfin", "sonarr", "radarr", "qbittorrent"));
        shell = StepHarness.open(stage, ctx, ChecksViewModel.class);
    }

    @Test
    void theRowOffersPort8097AndTakingItPasses(FxRobot robot) {
        Node row = robot.lookup("#check-ports").query();
        Button use = robot.from(row).lookup("#port-action").queryButton();
        assertTrue(WizardWindowTest.shown(use), "the failing row offers the suggested port");
        assertEquals("Use port 8097", use.getText());
        assertTrue(texts(robot, row).contains("Port 8096/tcp for Jellyfin web UI is taken by the container emby"), texts(robot, row)::toString);
        robot.interact(() -> {
            scrollIntoView(row);
            StepHarness.screenshot(shell.getScene().getRoot(), "system-check-port-clash");
        });

        robot.clickOn(use);
        assertEquals(Map.of("jellyfin", 8097), ctx.model().answers().portOverrides());
        assertEquals("Back to port 8096", use.getText());
        assertTrue(texts(robot, row).stream().anyMatch(t -> t.endsWith("Jellyfin web UI now on port 8097 (was 8096)")), texts(robot, row)::toString);
    }

    private static List<String> texts(FxRobot robot, Node row) {
        return robot.from(row).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    /** Scrolls the page so the row stands near its top, as a person scrolls to the row that failed. */
    private static void scrollIntoView(Node row) {
        Parent p = row.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (!(p instanceof ScrollPane pane)) {
            return;
        }
        pane.layout();
        Node content = pane.getContent();
        Bounds inContent = content.sceneToLocal(row.localToScene(row.getBoundsInLocal()));
        double room = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
        if (room > 0) {
            pane.setVvalue(Math.min(1, Math.max(0, (inContent.getMinY() - 120) / room)));
        }
    }
}

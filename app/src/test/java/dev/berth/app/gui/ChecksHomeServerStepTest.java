package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.engine.check.Status;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.checks.ChecksViewModel;
import dev.berth.wizardsteps.core.CurrentThreadTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The System check page as a person with a healthy home server sees it: every check passed, nothing
 * to fix. The guide's system-check.png comes from here (the build machine's own facts would show
 * its warnings).
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class ChecksHomeServerStepTest {
    private final StepContext ctx = StepContext.create(HomeServerChecks.backend(Map.of()), new CurrentThreadTaskRunner(), new ScriptedDialogs());
    private WizardShell shell;
    private ChecksViewModel checks;

    @Start
    void start(Stage stage) {
        ctx.model().setStorage(HomeServerChecks.STORAGE);
        ctx.model().setServices(List.of("jellyfin", "sonarr", "radarr", "qbittorrent"));
        shell = StepHarness.open(stage, ctx, ChecksViewModel.class);
        checks = (ChecksViewModel) shell.flow().current();
    }

    @Test
    void everyCheckPassesAndNextIsOpen(FxRobot robot) {
        assertEquals("All passed", checks.summaryProperty().get());
        assertFalse(checks.rows().stream().anyMatch(r -> r.status() == Status.WARN || r.status() == Status.FAIL), checks.rows()::toString);
        assertEquals("All 6 host ports are free", robot.lookup("#check-ports .label").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(t -> t.startsWith("All ")).findFirst().orElse(""));
        robot.interact(() -> StepHarness.screenshot(shell.getScene().getRoot(), "system-check"));
    }
}

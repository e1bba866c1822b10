package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.apps.AppsViewModel;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Apps page in the real shell, headless: with a media server and Bazarr chosen the options for
 * watching appear; an emptied server name blocks Next with the answers' own message; the subtitle
 * languages keep the order they were ticked in.
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class AppsStepTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private WizardShell shell;

    @Start
    void start(Stage stage) {
        Drafts.upToApps(ctx, "jellyfin", "sonarr", "bazarr");
        shell = StepHarness.open(stage, ctx, AppsViewModel.class);
    }

    @Test
    void theOptionsForWatchingAppearWithTheAppsThatNeedThem(FxRobot robot) {
        assertEquals("Apps", robot.lookup("#step-title").queryAs(Label.class).getText());
        assertTrue(WizardWindowTest.shown(robot.lookup("#watching-options").query()));
        TextField name = robot.lookup("#media-server-name").queryAs(TextField.class);
        assertEquals("Berth", name.getText());
        Button next = robot.lookup("#next").queryButton();
        assertFalse(next.isDisabled());

        robot.interact(() -> name.setText(""));
        assertTrue(next.isDisabled(), "an empty name blocks Next");
        assertTrue(robot.lookup((Label l) -> l.getText().equals("must be 1 to 64 characters")).tryQuery()
                .filter(WizardWindowTest::shown).isPresent(), "the answers' own message beside the field");
        StepHarness.type(robot, "#media-server-name", "Den");
        assertFalse(next.isDisabled());
        assertEquals("Den", ctx.model().mediaProperty().get().serverName());

        // Europe/Berlin: German by default, so English is the one to add.
        CheckBox english = robot.lookup("#subtitle-en").queryAs(CheckBox.class);
        robot.interact(english::fire);
        assertEquals(List.of("de", "en"), ctx.model().mediaProperty().get().subtitleLanguages());
        assertEquals("In this order of preference: German, English. Untick and tick again to move one to the end.",
                robot.lookup("#subtitle-order").queryAs(Label.class).getText());
        // The user guide's figure of the section (scripts/screenshots).
        robot.interact(() -> StepHarness.screenshot(robot.lookup("#watching-options").query(), "apps-watching"));

        robot.interact(() -> ctx.model().setServices(List.of("sonarr")));
        assertFalse(WizardWindowTest.shown(robot.lookup("#watching-options").query()), "nothing to ask for Sonarr alone");
    }
}

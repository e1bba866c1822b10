package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.TargetAnswers;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.ExecutorTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.TargetSession;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.deploy.DeployView;
import dev.berth.wizardsteps.deploy.DeployViewModel;
import dev.berth.wizardsteps.testing.Previews;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Deploy page headless when Plex starts for the first time: it asks for the claim token with
 * the link to plex.tv/claim before anything starts, and a token that is not one is named beside
 * the field. (The deploy with a token: DeployViewModelTest, on the Docker engine.)
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class DeployClaimPageTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final LocalTarget target = new LocalTarget();
    private StepContext ctx;
    private DeploySession session;

    @Start
    void start(Stage stage) {
        ctx = StepContext.create(WizardBackend.standard(), new ExecutorTaskRunner(Platform::runLater), dialogs);
        session = new DeploySession(ctx.backend());
        DeployPreview preview = Previews.of(Examples.answers("minimal-jellyfin").withServices(List.of("plex")), Map.of(), List.of());
        var on = new TargetSession.Connected(TargetAnswers.LOCAL, target, null, null);
        session.review(new DeploySession.Reviewed(on, preview.plan().answers(), preview.options(), preview));
        DeployViewModel vm = new DeployViewModel(ctx, session);
        vm.enter();
        StepHarness.showAlone(stage, new DeployView(vm), 720);
    }

    @AfterEach
    void close() {
        ctx.close();
        target.close();
    }

    @Test
    void asksForTheTokenBeforeAnythingStartsAndNamesOneThatIsNot(FxRobot robot) {
        Label why = robot.lookup("#plex-claim-message").queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(why));
        assertTrue(why.getText().contains("valid for four minutes"), why.getText());
        robot.interact(() -> robot.lookup("#open-plex-claim").queryAs(javafx.scene.control.Hyperlink.class).fire());
        assertEquals(List.of("https://www.plex.tv/claim"), dialogs.opened);

        StepHarness.type(robot, "#plex-claim", "ABCD-1234");
        robot.interact(() -> robot.lookup("#start-deploy").queryButton().fire());
        assertTrue(robot.lookup((Label l) -> l.getText().startsWith("is not a Plex claim token")).tryQuery()
                .filter(WizardWindowTest::shown).isPresent(), "the answers' own message beside the field");
        assertNull(session.deployedProperty().get(), "nothing started");
    }
}

package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.HostAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.review.ReviewViewModel;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Review page for a stack on several machines: no Deploy, what to run instead, and Save answers still there. */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class ReviewSeveralMachinesStepTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private WizardShell shell;

    @Start
    void start(Stage stage) {
        Drafts.upToApps(ctx, "jellyfin", "sonarr");
        ctx.model().setHosts(List.of(new HostAnswers("pc", TargetAnswers.LOCAL, "192.168.1.30"),
                new HostAnswers("nas", new TargetAnswers(TargetAnswers.Kind.SSH, "nas.local", null, "media", null), null)));
        shell = StepHarness.open(stage, ctx, ReviewViewModel.class);
    }

    @Test
    void saysToDeployFromTheCommandLineAndKeepsSaveAnswers(FxRobot robot) {
        Label said = robot.lookup((Label l) -> ReviewViewModel.SEVERAL_HOSTS.equals(l.getText())).queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(said));
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "no Deploy from here");
        assertTrue(!robot.lookup("#save-answers").queryButton().isDisabled());
    }
}

package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.AutheliaUser;
import dev.berth.engine.authelia.OneTimeLink;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.ExecutorTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.done.DoneView;
import dev.berth.wizardsteps.done.DoneViewModel;
import dev.berth.wizardsteps.testing.Previews;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.ScriptedOneTimeLinks;
import dev.berth.wizardsteps.testing.WiredDeploys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Done page as the hand-over, headless: each app's row says how to sign in (Grafana's admin
 * with the password Berth made, Authelia's catalog sentence), and with Authelia writing its links
 * to a file, "Check again" shows the one-time link the person asked for after the page opened.
 */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class DoneHandOverPageTest {
    /** What registering a device gives in Authelia 4.39: a code to type into its prompt, and the portal's address. */
    private static final OneTimeLink LINK = new OneTimeLink("https://auth.media.example.com", "K7QX2M9P",
            "anna <anna@example.com>", "Confirm your identity", Instant.parse("2026-12-05T10:14:00Z"));
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ScriptedOneTimeLinks file = new ScriptedOneTimeLinks().then(Optional::empty).then(() -> Optional.of(LINK));
    private final LocalTarget target = new LocalTarget();
    private StepContext ctx;
    private DeployPreview preview;
    private DoneView page;

    @Start
    void start(Stage stage) {
        AccessAnswers access = new AccessAnswers(AccessAnswers.Mode.DOMAIN, "media.example.com", false,
                new AccessAnswers.Npm("admin@example.com", null),
                new AccessAnswers.Authelia(true, AccessAnswers.Policy.TWO_FACTOR,
                        List.of(new AutheliaUser("anna", "Anna", "anna@example.com", true, null)), List.of()),
                false);
        Answers answers = WiredDeploys.answers().withAccess(access)
                .withMonitoring(new dev.berth.answers.MonitoringAnswers(true, false, false, false,
                        dev.berth.answers.MonitoringAnswers.Watchtower.OFF));
        preview = Previews.of(answers, Map.of(), List.of());
        ctx = StepContext.create(file, new ExecutorTaskRunner(Platform::runLater), dialogs);
        DeploySession session = new DeploySession(ctx.backend());
        WiredDeploys.finish(session, preview, target, WiredDeploys.allOk());
        DoneViewModel vm = new DoneViewModel(ctx, session, (d, p) -> WiredDeploys.allOk());
        vm.enter();
        page = new DoneView(vm);
        StepHarness.showAlone(stage, page, 900);
    }

    @AfterEach
    void close() {
        ctx.close();
        target.close();
    }

    @Test
    void eachRowSaysHowToSignInAndCheckAgainShowsTheOneTimeLink(FxRobot robot) {
        Label authelia = robot.lookup("#hand-over-authelia").queryAs(Label.class);
        assertEquals(ctx.backend().catalog().get("authelia").handOver(), authelia.getText());
        assertTrue(WizardWindowTest.shown(authelia));
        assertEquals("admin", robot.lookup("#sign-in-user-grafana").queryAs(Label.class).getText());
        TextField grafana = robot.lookup("#sign-in-password-grafana").queryAs(TextField.class);
        robot.interact(() -> grafana.requestFocus());
        robot.clickOn("#sign-in-show-grafana");
        assertEquals(preview.plan().secrets().get("grafana_admin_password"), grafana.getText());

        Await.until("the first read of the notification file is over", () -> file.threads().size() == 1
                && robot.lookup("#check-one-time-link").query().isDisabled() == false);
        Label message = robot.lookup("#one-time-link-message").queryAs(Label.class);
        assertTrue(message.getText().startsWith("No code yet."), message.getText());
        assertFalse(WizardWindowTest.shown(robot.lookup("#one-time-link").query()), "no link to show yet");

        robot.interact(() -> robot.lookup("#check-one-time-link").queryButton().fire());
        Await.until("Check again shows the code", () -> robot.lookup("#one-time-link").queryAs(TextField.class).getText()
                .equals(LINK.code()));
        assertTrue(WizardWindowTest.shown(robot.lookup("#one-time-link").query()));
        assertTrue(message.getText().startsWith("Authelia wrote this code for anna"), message.getText());
        assertFalse(file.threads().contains(Thread.currentThread().getName()));
        robot.interact(() -> robot.lookup("#open-one-time-link").queryButton().fire());
        assertEquals(List.of(LINK.url()), dialogs.opened);

        robot.clickOn("#sign-in-show-grafana"); // hidden again for the picture
        // The user guide's figure of the hand-over (scripts/screenshots).
        robot.interact(() -> StepHarness.screenshot(page.getParent(), "done-hand-over"));
    }
}

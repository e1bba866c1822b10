package dev.berth.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.testsupport.NeedsFx;
import dev.berth.wizardsteps.access.AccessViewModel;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
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

/** The Access page in the real shell, headless: a bad domain or user name blocks Next and says why. */
@NeedsFx
@ExtendWith(ApplicationExtension.class)
class AccessStepTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private WizardShell shell;

    @Start
    void start(Stage stage) {
        Drafts.upToApps(ctx, "jellyfin", "sonarr", "radarr", "qbittorrent", "seerr");
        shell = StepHarness.open(stage, ctx, AccessViewModel.class);
    }

    @Test
    void aBadDomainBlocksNextAndShowsItsMessage(FxRobot robot) {
        assertEquals("Access & security", robot.lookup("#step-title").queryAs(Label.class).getText());
        Button next = robot.lookup("#next").queryButton();
        assertFalse(next.isDisabled(), "the home network alone is a good answer");

        robot.clickOn("#access-domain");
        StepHarness.type(robot, "#domain", "media");
        StepHarness.fill(robot, "#adminEmail", "me@example.com");
        assertTrue(next.isDisabled());
        Label message = robot.lookup((Label l) -> l.getText().startsWith("is not a domain name")).queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(message));

        StepHarness.type(robot, "#domain", ".example.com");
        assertFalse(WizardWindowTest.shown(message));
        assertFalse(next.isDisabled());
    }

    @Test
    void aBadUserNameBlocksNextUntilFixed(FxRobot robot) {
        signInPageWithUser(robot, "Alice");
        Button next = robot.lookup("#next").queryButton();
        assertTrue(next.isDisabled());
        Label message = robot.lookup((Label l) -> l.getText().startsWith("must be 1-32 lower-case letters")).queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(message));
        robot.interact(() -> StepHarness.screenshot(shell.lookup(".step-page"), "access-page"));

        TextField name = robot.lookup("#user-0-username").queryAs(TextField.class);
        robot.interact(() -> name.setText("alice"));
        assertFalse(next.isDisabled());
        assertEquals("alice", ctx.model().accessProperty().get().authelia().users().getFirst().username());
        robot.interact(() -> StepHarness.screenshot(shell.getScene().getRoot(), "access-window"));
    }

    @Test
    void signInEmailsShowTheirFieldsAndABadSenderBlocksNext(FxRobot robot) {
        signInPageWithUser(robot, "alice");
        TextField host = robot.lookup("#smtpHost").queryAs(TextField.class);
        assertFalse(WizardWindowTest.shown(host), "off at first: the notification file");

        robot.interact(robot.lookup("#smtp").queryAs(CheckBox.class)::fire);
        assertTrue(WizardWindowTest.shown(host));
        StepHarness.fill(robot, "#smtpHost", "smtp.example.com");
        StepHarness.fill(robot, "#smtpSender", "Berth");
        Button next = robot.lookup("#next").queryButton();
        assertTrue(next.isDisabled());
        Label message = robot.lookup((Label l) -> l.getText().startsWith("is not a sender address")).queryAs(Label.class);
        assertTrue(WizardWindowTest.shown(message));
        robot.interact(() -> StepHarness.screenshot(shell.lookup(".step-page"), "access-smtp"));

        StepHarness.fill(robot, "#smtpSender", "Berth <auth@example.com>");
        assertFalse(next.isDisabled());
        assertEquals("smtp.example.com", ctx.model().accessProperty().get().authelia().smtp().host());
    }

    /** The user guide's picture of the page with a domain and two people at home who sign in (access-domain-users.png). */
    @Test
    void aDomainWithTwoSignInUsersIsAGoodAnswer(FxRobot robot) {
        signInPageWithUser(robot, "alice");
        robot.interact(robot.lookup("#add-user").queryButton()::fire); // below the fold: a click cannot reach it
        StepHarness.fill(robot, "#user-1-username", "bob");
        StepHarness.fill(robot, "#user-1-displayName", "Bob Example");
        StepHarness.fill(robot, "#user-1-email", "bob@example.com");

        assertFalse(robot.lookup("#next").queryButton().isDisabled());
        assertEquals(java.util.List.of("alice", "bob"), ctx.model().accessProperty().get().authelia().users().stream()
                .map(u -> u.username()).toList());
        robot.interact(() -> StepHarness.screenshot(shell.lookup(".step-page"), "access-domain-users"));
    }

    /** A domain, the sign-in page switched on, and its first user, whose user name is typed as given. */
    private static void signInPageWithUser(FxRobot robot, String username) {
        robot.clickOn("#access-domain");
        StepHarness.fill(robot, "#domain", "media.example.com");
        StepHarness.fill(robot, "#adminEmail", "me@example.com");
        robot.interact(robot.lookup("#authelia").queryAs(CheckBox.class)::fire);
        StepHarness.type(robot, "#user-0-username", username);
        StepHarness.fill(robot, "#user-0-displayName", "Alice Example");
        StepHarness.fill(robot, "#user-0-email", "alice@example.com");
    }
}

package dev.berth.wizardsteps.done;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.AutheliaUser;
import dev.berth.engine.authelia.OneTimeLink;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException.Reason;
import dev.berth.engine.target.TargetException;
import dev.berth.wizardsteps.core.CurrentThreadTaskRunner;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.ExecutorTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.TaskRunner;
import dev.berth.wizardsteps.testing.Previews;
import dev.berth.wizardsteps.testing.QueuedUi;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.ScriptedOneTimeLinks;
import dev.berth.wizardsteps.testing.WiredDeploys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Done page with Authelia and no mail server: the newest one-time link from Authelia's
 * notification file, read through the backend off the UI thread, again on "Check again" (the
 * person asks Authelia for it after the page opened).
 */
class DoneOneTimeLinkTest {
    /** A password reset: a link to open. */
    private static final OneTimeLink LINK = new OneTimeLink("https://auth.media.example.com/reset-password/step2?token=abc123",
            "anna <anna@example.com>", "Reset your password", Instant.parse("2026-12-05T10:14:00Z"));
    /** Registering a device: a code to type into Authelia's prompt, and the portal's address. */
    private static final OneTimeLink CODE = new OneTimeLink("https://auth.media.example.com", "K7QX2M9P",
            "anna <anna@example.com>", "Confirm your identity", Instant.parse("2026-12-05T10:16:00Z"));

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final LocalTarget target = new LocalTarget();
    private final ScriptedOneTimeLinks file = new ScriptedOneTimeLinks();

    @AfterEach
    void closeTarget() {
        target.close();
    }

    private static Answers withAuthelia(AccessAnswers.Smtp smtp) {
        AccessAnswers access = new AccessAnswers(AccessAnswers.Mode.DOMAIN, "media.example.com", false,
                new AccessAnswers.Npm("admin@example.com", null),
                new AccessAnswers.Authelia(true, AccessAnswers.Policy.TWO_FACTOR,
                        List.of(new AutheliaUser("anna", "Anna", "anna@example.com", true, null)), List.of("sonarr"), smtp),
                false);
        return WiredDeploys.answers().withAccess(access);
    }

    private DoneViewModel deployed(Answers answers, TaskRunner tasks) {
        StepContext ctx = StepContext.create(file, tasks, dialogs);
        DeploySession session = new DeploySession(ctx.backend());
        DeployPreview preview = Previews.of(answers, Map.of(), List.of());
        WiredDeploys.finish(session, preview, target, null);
        return new DoneViewModel(ctx, session, (d, p) -> {
            throw new AssertionError("no retry here");
        });
    }

    @Test
    void withoutAMailServerTheLinkAppearsOnCheckAgainAndOpensInTheBrowser() {
        file.then(Optional::empty); // the page opens before the person asked Authelia for a link
        file.then(() -> Optional.of(LINK));
        DoneViewModel vm = deployed(withAuthelia(null), new CurrentThreadTaskRunner());
        vm.enter();

        assertTrue(vm.oneTimeLinkOfferedProperty().get());
        assertNull(vm.oneTimeLinkProperty().get());
        assertEquals(DeviceRegistration.NO_LINK_YET, vm.oneTimeLinkMessageProperty().get());

        vm.checkOneTimeLink();
        assertEquals(LINK, vm.oneTimeLinkProperty().get());
        String said = vm.oneTimeLinkMessageProperty().get();
        assertTrue(said.startsWith("Authelia wrote this link for anna <anna@example.com> at "), said);
        assertTrue(said.contains("(Reset your password)"), said);
        assertFalse(said.contains(LINK.url()), "the link opens an account: in its field only");
        assertFalse(vm.checkingOneTimeLinkProperty().get());

        vm.openOneTimeLink();
        vm.copyOneTimeLink();
        assertEquals(List.of(LINK.url()), dialogs.opened);
        assertEquals(List.of(LINK.url()), dialogs.copied);
        assertEquals(2, file.threads().size(), "read when the page opened and on Check again");

        vm.checkOneTimeLink(); // nothing newer in the file: the link found stays
        assertEquals(LINK, vm.oneTimeLinkProperty().get());
    }

    @Test
    void aCodeToRegisterADeviceIsShownAndCopiedAndOpenTakesThePersonToTheSignInPage() {
        file.then(() -> Optional.of(CODE));
        DoneViewModel vm = deployed(withAuthelia(null), new CurrentThreadTaskRunner());
        vm.enter();

        assertEquals(CODE, vm.oneTimeLinkProperty().get());
        String said = vm.oneTimeLinkMessageProperty().get();
        assertTrue(said.startsWith("Authelia wrote this code for anna <anna@example.com> at "), said);
        assertTrue(said.contains("Type it into the prompt Authelia shows"), said);
        assertFalse(said.contains(CODE.code()), "the code opens an account: in its field only");
        vm.openOneTimeLink();
        vm.copyOneTimeLink();
        assertEquals(List.of(CODE.url()), dialogs.opened);
        assertEquals(List.of(CODE.code()), dialogs.copied, "the code is what the person types");
    }

    @Test
    void aFileThatCannotBeReadSaysWhereItIsAndCheckAgainTriesAgain() {
        file.then(() -> {
            throw new TargetException(Reason.FILE, "Permission denied reading /opt/berth/config/authelia/notification.txt.");
        });
        file.then(() -> Optional.of(LINK));
        DoneViewModel vm = deployed(withAuthelia(null), new CurrentThreadTaskRunner());
        vm.enter();

        String said = vm.oneTimeLinkMessageProperty().get();
        assertTrue(said.startsWith("Berth could not read Authelia's notification file on this computer: Permission denied"), said);
        assertTrue(said.endsWith("Press Check again, or open /opt/berth/config/authelia/notification.txt there."), said);
        vm.checkOneTimeLink();
        assertEquals(LINK, vm.oneTimeLinkProperty().get());
    }

    @Test
    void withAMailServerOrWithoutAutheliaThePageOffersNoLink() {
        AccessAnswers.Smtp smtp = new AccessAnswers.Smtp("smtp.example.com", 587, "auth@example.com", "secret", "auth@example.com");
        DoneViewModel mailed = deployed(withAuthelia(smtp), new CurrentThreadTaskRunner());
        mailed.enter();
        assertFalse(mailed.oneTimeLinkOfferedProperty().get(), "Authelia e-mails the link");

        DoneViewModel none = deployed(WiredDeploys.answers(), new CurrentThreadTaskRunner());
        none.enter();
        assertFalse(none.oneTimeLinkOfferedProperty().get());
        assertTrue(file.threads().isEmpty(), "the file is not read when nothing needs it: " + file.threads());
    }

    @Test
    void theFileIsReadOffTheUiThread() throws Exception {
        file.then(() -> Optional.of(LINK));
        QueuedUi ui = new QueuedUi();
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner(ui)) {
            DoneViewModel vm = deployed(withAuthelia(null), runner);
            vm.enter();
            ui.runUntil("the link reaches the page", () -> vm.oneTimeLinkProperty().get() != null);
            assertEquals(1, file.threads().size());
            assertFalse(file.threads().getFirst().equals(Thread.currentThread().getName()), "read on the test's (UI) thread");
            ui.runUntil("the check is over", () -> !vm.checkingOneTimeLinkProperty().get());
        }
    }
}

package dev.berth.wizardsteps.done;

import dev.berth.answers.AccessAnswers;
import dev.berth.engine.authelia.OneTimeLink;
import dev.berth.wizardsteps.core.BackgroundTask;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.LatestTask;
import dev.berth.wizardsteps.core.TaskRunner;
import dev.berth.wizardsteps.core.WizardBackend;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Registering a device for Authelia's two-factor sign-in on a stack without a mail server: Authelia
 * writes the one-time link it would have e-mailed to a file on the server, and the Done page shows
 * the newest one. The person asks Authelia for it after the page opened, so "Check again" reads the
 * file anew, off the UI thread; an older answer never overwrites a newer one.
 */
final class DeviceRegistration {
    static final String NO_LINK_YET = "No code yet. Open Authelia's page, sign in, and choose to register a device: "
            + "with no mail server set, Authelia writes the one-time code to a file on the server instead of e-mailing it, "
            + "and Berth shows it here. Then press Check again.";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final WizardBackend backend;
    private final LatestTask reading;
    private final ReadOnlyBooleanWrapper offered = new ReadOnlyBooleanWrapper(this, "offered", false);
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking", false);
    private final ReadOnlyObjectWrapper<OneTimeLink> link = new ReadOnlyObjectWrapper<>(this, "link");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private DeploySession.Deployed deployed;
    private BackgroundTask<?> current;

    DeviceRegistration(WizardBackend backend, TaskRunner tasks) {
        this.backend = backend;
        this.reading = new LatestTask(tasks);
    }

    /** Whether the page offers it: Authelia runs and sends its links to the file, not by e-mail. */
    static boolean needed(AccessAnswers access) {
        return access.authelia().enabled() && access.authelia().smtp() == null;
    }

    ReadOnlyBooleanProperty offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** The newest link; null before one was found. */
    ReadOnlyObjectProperty<OneTimeLink> linkProperty() {
        return link.getReadOnlyProperty();
    }

    /** What the person reads: how to get a link, or for whom and when the one shown was written. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The page shows this deploy: offered (and read at once) when its stack needs it. */
    void show(DeploySession.Deployed d) {
        if (d == deployed) {
            return;
        }
        reading.cancel();
        deployed = d;
        link.set(null);
        offered.set(d != null && needed(d.from().preview().plan().answers().access()));
        message.set(offered.get() ? NO_LINK_YET : "");
        check();
    }

    /** Reads the notification file again. */
    void check() {
        DeploySession.Deployed d = deployed;
        if (d == null || !offered.get()) {
            return;
        }
        var target = d.from().on().target();
        var plan = d.from().preview().plan();
        BackgroundTask<Optional<OneTimeLink>> task = BackgroundTask.of("Read Authelia's one-time link",
                p -> backend.newestOneTimeLink(target, plan));
        current = task;
        task.onSuccess(found -> {
            found.ifPresent(link::set);
            message.set(link.get() == null ? NO_LINK_YET : sentence(link.get()));
        }).onFailure(e -> message.set("Berth could not read Authelia's notification file on " + target.description() + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + " Press Check again, or open "
                + plan.answers().storage().configRoot() + "/authelia/notification.txt there."))
                // A run replaced by a newer one finishes while that one is still reading.
                .onFinished(() -> checking.set(checking.get() && current != task));
        checking.set(true);
        reading.replace(task);
    }

    void cancel() {
        current = null;
        reading.cancel();
        checking.set(false);
    }

    private static String sentence(OneTimeLink l) {
        String written = "Authelia wrote this " + (l.isCode() ? "code" : "link")
                + (l.recipient() == null || l.recipient().isBlank() ? "" : " for " + l.recipient())
                + (l.sent() == null ? "" : " at " + TIME.format(l.sent()))
                + (l.subject() == null || l.subject().isBlank() ? "" : " (" + l.subject() + ")") + ". ";
        String use = l.isCode()
                ? "Type it into the prompt Authelia shows in the browser you signed in with, then register your device."
                : "Open it in the browser you signed in with to register your device.";
        return written + use + " It works once and only for a few minutes: if it has expired, ask Authelia again and press"
                + " Check again.";
    }
}

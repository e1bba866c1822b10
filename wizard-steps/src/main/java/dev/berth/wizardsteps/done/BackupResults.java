package dev.berth.wizardsteps.done;

import dev.berth.engine.backup.BackupRun;
import dev.berth.engine.deploy.BackupSetup;
import dev.berth.wizardsteps.core.BackgroundTask;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.LastBackupLine;
import dev.berth.wizardsteps.core.LatestTask;
import dev.berth.wizardsteps.core.TakeBackup;
import dev.berth.wizardsteps.core.TaskRunner;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the deploy set up for backups, as the Done page shows it: the repository and schedule,
 * what needs attention when the repository did not open, the SFTP key's public half, the
 * repository password on the deploy that made it (shown once: leaving the page forgets it), the
 * stack's last backup with its age, and Back up now (a cancellable task). Hidden while backups are off.
 */
public final class BackupResults {
    private final LatestTask reading;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown", false);
    private final ReadOnlyStringWrapper repository = new ReadOnlyStringWrapper(this, "repository", "");
    private final ReadOnlyStringWrapper schedule = new ReadOnlyStringWrapper(this, "schedule", "");
    private final ReadOnlyStringWrapper attention = new ReadOnlyStringWrapper(this, "attention", "");
    private final ReadOnlyStringWrapper publicKey = new ReadOnlyStringWrapper(this, "publicKey", "");
    private final ReadOnlyStringWrapper password = new ReadOnlyStringWrapper(this, "password", "");
    private final ReadOnlyStringWrapper lastBackup = new ReadOnlyStringWrapper(this, "lastBackup", "");
    private final ReadOnlyBooleanWrapper backingUp = new ReadOnlyBooleanWrapper(this, "backingUp", false);
    private final ReadOnlyStringWrapper backupNowMessage = new ReadOnlyStringWrapper(this, "backupNowMessage", "");
    private final ReadOnlyDoubleWrapper backupNowProgress = new ReadOnlyDoubleWrapper(this, "backupNowProgress", -1);
    private final TaskRunner tasks;
    private final TakeBackup take;
    /** The deploy whose password was shown: a deploy's password is shown on one visit only. */
    private DeploySession.Deployed passwordShownFor;
    /** The deploy shown, for Back up now. */
    private DeploySession.Deployed deployed;
    private BackgroundTask<BackupRun> backupNow;

    BackupResults(TaskRunner tasks, Clock clock, TakeBackup take) {
        this.tasks = tasks;
        this.reading = new LatestTask(tasks);
        this.clock = clock;
        this.take = take;
    }

    /** Whether the deploy set up backups (the section is shown). */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repositoryProperty() {
        return repository.getReadOnlyProperty();
    }

    /** "daily at 03:30 by a systemd timer". */
    public ReadOnlyStringProperty scheduleProperty() {
        return schedule.getReadOnlyProperty();
    }

    /** What is wrong with the repository and what to do; empty when ready. */
    public ReadOnlyStringProperty attentionProperty() {
        return attention.getReadOnlyProperty();
    }

    /** For an SFTP repository, the public key its server must accept; empty otherwise. */
    public ReadOnlyStringProperty publicKeyProperty() {
        return publicKey.getReadOnlyProperty();
    }

    /** The repository password, only on the visit after the deploy that made it; empty otherwise. */
    public ReadOnlyStringProperty passwordProperty() {
        return password.getReadOnlyProperty();
    }

    /** The sentence shown with the password. */
    public String keepPassword() {
        return BackupSetup.KEEP_PASSWORD;
    }

    /** "Last backup 3 hours ago (snapshot 1a2b3c4d)."; empty while unknown. */
    public ReadOnlyStringProperty lastBackupProperty() {
        return lastBackup.getReadOnlyProperty();
    }

    /** While Back up now runs (Cancel is offered). */
    public ReadOnlyBooleanProperty backingUpProperty() {
        return backingUp.getReadOnlyProperty();
    }

    /** What Back up now is doing while it runs; how it ended afterwards. */
    public ReadOnlyStringProperty backupNowMessageProperty() {
        return backupNowMessage.getReadOnlyProperty();
    }

    /** From 0 to 1 while Back up now runs, or -1 while it cannot tell. */
    public ReadOnlyDoubleProperty backupNowProgressProperty() {
        return backupNowProgress.getReadOnlyProperty();
    }

    /**
     * Takes a backup now off the UI thread, its message and progress bound while it runs and
     * unbound when it ends; then reads the last backup again.
     *
     * @param busy told when it starts and when it is over (succeeded, failed or cancelled)
     */
    void backUpNow(Consumer<Boolean> busy) {
        DeploySession.Deployed d = deployed;
        if (d == null || backingUp.get()) {
            return;
        }
        backingUp.set(true);
        busy.accept(true);
        BackgroundTask<BackupRun> t = BackgroundTask.of("Back up now", p -> {
            p.message("Backing up…");
            return take.now(d, p);
        });
        // Bound before it starts (a runner may finish it within execute), unbound as soon as it ends.
        backupNowMessage.bind(t.messageProperty());
        backupNowProgress.bind(t.progressProperty());
        t.onSuccess(run -> {
            unbind();
            backupNowMessage.set("Backed up: snapshot " + run.snapshot().shortId()
                    + (run.stopped().isEmpty() ? "" : ", " + String.join(", ", run.stopped()) + " down " + run.appsDown().toSeconds() + " s")
                    + ". " + run.summary());
            readLast(d);
        }).onFailure(e -> {
            unbind();
            backupNowMessage.set("The backup did not finish: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            readLast(d);
        }).onFinished(() -> {
            unbind();
            backupNow = null;
            backingUp.set(false);
            busy.accept(false);
        });
        backupNow = t;
        tasks.execute(t);
    }

    /** Stops a running Back up now. */
    void cancelBackupNow() {
        BackgroundTask<BackupRun> t = backupNow;
        if (t != null) {
            t.cancel();
            backupNowMessage.set("Backup stopped before it finished; berth status shows whether every app runs again.");
        }
    }

    private void unbind() {
        backupNowMessage.unbind();
        backupNowProgress.unbind();
    }

    /** The backups of this deploy, or none (null, or backups off). */
    void show(DeploySession.Deployed d) {
        BackupSetup setup = d == null || !d.outcome().succeeded() ? null : d.outcome().backup().orElse(null);
        reading.cancel();
        lastBackup.set("");
        if (d != deployed && !backingUp.get()) {
            backupNowMessage.set("");
        }
        deployed = setup == null ? null : d;
        if (setup == null) {
            shown.set(false);
            repository.set("");
            schedule.set("");
            attention.set("");
            publicKey.set("");
            password.set("");
            return;
        }
        repository.set(setup.repository());
        schedule.set(setup.schedule());
        attention.set(setup.ready() ? "" : setup.message());
        publicKey.set(setup.sshPublicKey().orElse(""));
        if (d != passwordShownFor) {
            passwordShownFor = d;
            password.set(setup.newPassword().orElse(""));
        }
        shown.set(true);
        readLast(d);
    }

    /** Leaving the page: the password is not shown again. */
    void forgetPassword() {
        password.set("");
    }

    void cancel() {
        reading.cancel();
        cancelBackupNow();
    }

    /** Reads the last backup off the UI thread; a failure leaves the line out (the schedule and repository say enough). */
    private void readLast(DeploySession.Deployed d) {
        var target = d.from().on().target();
        String dir = d.from().preview().stackDir();
        reading.replace(BackgroundTask.of("Read the last backup", p -> LastBackupLine.read(target, dir, clock.instant()))
                .onSuccess(line -> lastBackup.set(line.orElse("")))
                .onFailure(e -> lastBackup.set("")));
    }
}

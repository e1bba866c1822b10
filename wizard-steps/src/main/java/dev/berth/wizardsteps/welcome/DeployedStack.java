package dev.berth.wizardsteps.welcome;

import dev.berth.answers.TargetAnswers;
import dev.berth.engine.lifecycle.ConfigPurge;
import dev.berth.engine.lifecycle.StackLifecycle;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.wizardsteps.core.BackgroundTask;
import dev.berth.wizardsteps.core.LastBackupLine;
import dev.berth.wizardsteps.core.LatestTask;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.TargetSession;
import dev.berth.wizardsteps.core.TaskProgress;
import dev.berth.wizardsteps.core.WizardBackend;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The stack Berth deployed in the draft's stack folder, when the Welcome page finds one there, and
 * what the person may do with it besides changing it: stop, start, remove (keeping its config) or
 * remove and delete its config (after typing its project name). Each runs in the background, may
 * be cancelled, and ends with what was done in plain words.
 *
 * <p>It looks on this computer, or on the server the wizard is already connected to: opening an
 * SSH connection would ask for a password or a host key on the first page.
 */
final class DeployedStack {
    /**
     * Where to look, copied out of the draft and the session before the work starts.
     *
     * @param connected the session's target when it is connected to this one; else it is opened for each piece of work
     */
    private record Where(TargetAnswers target, String dir, Optional<Target> connected) {
    }

    /**
     * A stack found: its plan from its own folder.
     *
     * @param lastBackup its last backup in a line, when it has backups on and it could be read
     */
    private record Found(Where where, StackPlan plan, Optional<String> lastBackup) {
    }

    /** One action on the found stack. */
    private interface Action {
        StackLifecycle.Outcome run(StackLifecycle life, TaskProgress p) throws Exception;
    }

    private final StepContext ctx;
    private final LatestTask work;
    private final ReadOnlyBooleanWrapper found = new ReadOnlyBooleanWrapper(this, "found");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyStringWrapper lastBackup = new ReadOnlyStringWrapper(this, "lastBackup", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private Found stack;

    DeployedStack(StepContext ctx) {
        this.ctx = ctx;
        this.work = new LatestTask(ctx.tasks());
    }

    ReadOnlyBooleanProperty foundProperty() {
        return found.getReadOnlyProperty();
    }

    /** "The stack media in /opt/berth on this computer (4 apps)". */
    ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** "Last backup 3 hours ago (snapshot 1a2b3c4d)."; empty without backups or when it cannot be read. */
    ReadOnlyStringProperty lastBackupProperty() {
        return lastBackup.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the running action does now, or what the last one did or why it failed. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Looks for a stack Berth made in the draft's stack folder on the draft's target. */
    void look() {
        var answers = ctx.model().answersProperty().get();
        if (answers == null || answers.target() == null || answers.storage() == null) {
            return;
        }
        Optional<Target> connected = ctx.target().connected().filter(c -> c.spec().equals(answers.target()))
                .map(TargetSession.Connected::target);
        Where where = new Where(answers.target(), answers.storage().stackDir(), connected);
        if (where.target().kind() != TargetAnswers.Kind.LOCAL && connected.isEmpty()) {
            forget();
            return;
        }
        WizardBackend backend = ctx.backend();
        work.replace(BackgroundTask.of("Look for a stack in " + where.dir(), p -> onTarget(where, backend, t -> {
            StackState state = StackState.load(t, where.dir(), List.of());
            if (!state.isBerthStack()) {
                return Optional.<Found>empty();
            }
            StackPlan plan = new Planner(backend.catalog()).plan(state.answers().orElseThrow(), state.secrets());
            return Optional.of(new Found(where, plan, lastBackup(t, where.dir(), plan)));
        })).onSuccess(f -> f.ifPresentOrElse(this::show, this::forget)).onFailure(e -> forget()));
    }

    /** The stack's last backup; a failure to read it leaves the line out, never the stack. */
    private static Optional<String> lastBackup(Target t, String dir, StackPlan plan) {
        if (!plan.answers().backup().enabled()) {
            return Optional.empty();
        }
        try {
            return LastBackupLine.read(t, dir, Instant.now());
        } catch (TargetException e) {
            return Optional.empty();
        }
    }

    private void show(Found f) {
        stack = f;
        lastBackup.set(f.lastBackup().orElse(""));
        description.set("The stack " + f.plan().projectName() + " in " + f.where().dir() + " on "
                + (f.where().target().kind() == TargetAnswers.Kind.LOCAL ? "this computer" : f.where().target().host())
                + " (" + f.plan().services().size() + " services).");
        found.set(true);
    }

    private void forget() {
        stack = null;
        lastBackup.set("");
        found.set(false);
        description.set("");
    }

    void stop() {
        act("Stopping", (life, p) -> life.stop(p::message, p::cancelled), "stopped");
    }

    void start() {
        act("Starting", (life, p) -> life.start(p::message, p::cancelled), "started");
    }

    /** Removes the containers and networks; the config and the data stay. */
    void remove() {
        if (stack != null && ctx.dialogs().confirm("Remove the stack", "Remove the containers and networks of "
                + stack.plan().projectName() + "? Its config and your media stay; Change an existing stack or a deploy brings it back.",
                "Remove", "Keep it")) {
            act("Removing", (life, p) -> life.remove(StackLifecycle.Removal.KEEP_CONFIG, p::message, p::cancelled), "removed");
        }
    }

    /**
     * Removes the stack and deletes its config, once the person typed the project name. A wrong
     * name removes and deletes nothing (the engine checks it, and the message says so).
     */
    void removeAndDeleteConfig() {
        if (stack == null) {
            return;
        }
        String project = stack.plan().projectName();
        ConfigPurge purge = ConfigPurge.of(stack.plan(), stack.where().dir());
        Optional<String> typed = ctx.dialogs().askText("Remove the stack and delete its config",
                "This deletes " + String.join(", ", purge.deleted()) + " and the stack's named volumes, for good. It keeps "
                        + String.join("; ", purge.kept()) + ".\nType the stack's name, " + project + ", to go ahead.");
        if (typed.isEmpty()) {
            failed.set(false);
            message.set("Nothing was removed or deleted.");
            return;
        }
        String confirmation = typed.get();
        act("Removing", (life, p) -> life.remove(StackLifecycle.Removal.purge(confirmation), p::message, p::cancelled), "removed");
    }

    void cancel() {
        work.cancel();
        running.set(false);
    }

    private void act(String doing, Action action, String done) {
        Found f = stack;
        if (f == null || running.get()) {
            return;
        }
        WizardBackend backend = ctx.backend();
        running.set(true);
        failed.set(false);
        message.set(doing + " " + f.plan().projectName() + "…");
        work.replace(BackgroundTask.of(doing + " " + f.plan().projectName(), p -> onTarget(f.where(), backend, t -> {
            StackLifecycle life = StackLifecycle.onTarget(t, f.plan(), f.where().dir());
            try {
                return action.run(life, p);
            } catch (StackBusyException busy) {
                throw new IllegalStateException(life.busyMessage(busy, done), busy);
            }
        })).onSuccess(o -> {
            message.set(o.summary() + "\n" + String.join("\n", o.lines()));
            look(); // a purge leaves no stack to act on
        }).onFailure(e -> {
            failed.set(true);
            message.set(e instanceof IllegalStateException && e.getCause() instanceof StackBusyException ? e.getMessage()
                    : e instanceof StackLifecycle.NotConfirmedException || e instanceof TargetException ? e.getMessage()
                    : e instanceof java.util.concurrent.CancellationException ? e.getMessage() + "."
                    : "It did not work: " + e);
        }).onFinished(() -> running.set(false)));
    }

    private interface OnTarget<T> {
        T run(Target t) throws Exception;
    }

    /** The connected server's target, or this computer opened for this one piece of work. */
    private <T> T onTarget(Where where, WizardBackend backend, OnTarget<T> work) throws Exception {
        if (where.connected().isPresent()) {
            return work.run(where.connected().get());
        }
        try (Target t = backend.open(where.target(), null)) {
            return work.run(t);
        }
    }
}

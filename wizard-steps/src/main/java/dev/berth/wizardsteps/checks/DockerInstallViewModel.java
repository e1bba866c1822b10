package dev.berth.wizardsteps.checks;

import dev.berth.engine.install.DockerReleases;
import dev.berth.engine.install.HostFactsReader;
import dev.berth.engine.install.InstallPlan;
import dev.berth.engine.install.InstallPlanner;
import dev.berth.engine.install.InstallRunner;
import dev.berth.engine.install.InstallStep;
import dev.berth.engine.target.Target;
import dev.berth.wizardsteps.core.BackgroundTask;
import dev.berth.wizardsteps.core.StepContext;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Checks page's "Install Docker…" dialog: the commands of the guided install (or why Berth
 * will not), a sudo password field, the run as a background task with its output, and a re-check
 * once Docker is installed. The password is held only in its field until the run starts, then as
 * a char array the run wipes; it is never logged or written.
 */
public final class DockerInstallViewModel {
    private final StepContext ctx;
    private final Target target;
    private final ReadOnlyObjectWrapper<InstallPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ObservableList<String> commands = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "Looking at the machine…");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ObservableList<String> output = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper installed = new ReadOnlyBooleanWrapper(this, "installed");
    private final AtomicBoolean stopAfterStep = new AtomicBoolean();
    private final BooleanBinding canRun;

    public DockerInstallViewModel(StepContext ctx, Target target) {
        this.ctx = ctx;
        this.target = target;
        canRun = Bindings.createBooleanBinding(() -> plan.get() instanceof InstallPlan.Commands c && !running.get()
                        && !installed.get() && (!c.needsPassword() || !password.get().isEmpty()),
                plan, running, installed, password);
    }

    /** Reads the machine's facts and makes the plan, off the UI thread. */
    public void prepare() {
        ctx.tasks().execute(BackgroundTask.of("Looking at what installing Docker takes",
                        p -> new InstallPlanner(DockerReleases.builtIn()).plan(HostFactsReader.read(target)))
                .onSuccess(this::show)
                .onFailure(e -> message.set("Could not look at " + target.description() + ": " + e.getMessage())));
    }

    /** Shows a plan: its commands, or the refusal with what to do instead. */
    public void show(InstallPlan p) {
        plan.set(p);
        commands.clear();
        switch (p) {
            case InstallPlan.Commands c -> {
                int n = 1;
                for (InstallStep s : c.steps()) {
                    commands.add(n++ + ". " + s.purpose() + "\n    " + s.shown());
                }
                message.set("To install " + c.summary() + " on " + target.description() + ", Berth will run these commands."
                        + (c.needsPassword() ? " sudo reads your password from its input; it is not stored." : ""));
            }
            case InstallPlan.Refused r -> message.set("Berth cannot install Docker there: " + r.reason() + ". " + r.whatToDo() + ".");
        }
    }

    /** Runs the plan's commands; their output comes in {@link #output()}. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        InstallPlan.Commands c = (InstallPlan.Commands) plan.get();
        char[] typed = c.needsPassword() ? password.get().toCharArray() : null;
        password.set("");
        stopAfterStep.set(false);
        output.clear();
        running.set(true);
        message.set("Installing…");
        InstallRunner.Listener listener = new InstallRunner.Listener() {
            @Override
            public void stepStarted(int number, int of, InstallStep step) {
                ctx.tasks().ui(() -> {
                    output.add("[" + number + "/" + of + "] " + step.purpose());
                    output.add("$ " + step.shown());
                });
            }

            @Override
            public void line(String text) {
                ctx.tasks().ui(() -> output.add("  " + text));
            }
        };
        ctx.tasks().execute(BackgroundTask.of("Installing Docker", p -> {
                    try {
                        return new InstallRunner(target).run(c, typed, listener, stopAfterStep::get);
                    } finally {
                        if (typed != null) {
                            java.util.Arrays.fill(typed, '\0');
                        }
                    }
                })
                .onSuccess(this::finished)
                .onFailure(e -> message.set("The install stopped: " + e.getMessage()))
                .onFinished(() -> running.set(false)));
    }

    /** Stops after the command under way: apt or dnf stopped midway would leave their database to repair. */
    public void stop() {
        if (running.get()) {
            stopAfterStep.set(true);
            message.set("Stopping after the command under way…");
        }
    }

    private void finished(InstallRunner.Outcome outcome) {
        switch (outcome) {
            case InstallRunner.Outcome.Installed i -> {
                installed.set(true);
                InstallPlan.Commands c = (InstallPlan.Commands) plan.get();
                message.set("Docker " + c.engineVersion() + " and Compose " + c.composeVersion() + " are installed. Checking again…");
                // A new connection, as over SSH only a new login counts the user in the docker group just joined.
                ctx.target().connect(ctx.model().targetProperty().get());
                ctx.checks().refreshAll();
            }
            case InstallRunner.Outcome.Failed f -> message.set(f.message());
            case InstallRunner.Outcome.Cancelled s -> message.set("Stopped after " + s.stepsDone() + " commands. Every one is"
                    + " safe to run again: Install runs them all once more.");
        }
    }

    public ReadOnlyObjectProperty<InstallPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The commands as shown: number, purpose, and the command line. */
    public ObservableList<String> commands() {
        return commands;
    }

    /** What is happening, or what to do. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The sudo password; wanted only when the plan runs sudo with one. */
    public StringProperty passwordProperty() {
        return password;
    }

    public boolean needsPassword() {
        return plan.get() instanceof InstallPlan.Commands c && c.needsPassword();
    }

    public ObservableList<String> output() {
        return output;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty installedProperty() {
        return installed.getReadOnlyProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }
}

package dev.berth.wizardsteps.done;

import dev.berth.engine.wire.WiringResult;
import dev.berth.wizardsteps.core.BackgroundTask;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.LinksTally;
import dev.berth.wizardsteps.core.Rewire;
import dev.berth.wizardsteps.core.TaskRunner;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Done page's Retry: the wiring run again as a cancellable task off the UI thread, its
 * message and progress bound while it runs and unbound when it ends. What it found goes to the
 * page; a failure or a cancel leaves the page's links as they were.
 */
final class WiringRetry {
    private final TaskRunner tasks;
    private final Rewire rewire;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private BackgroundTask<WiringResult> task;

    WiringRetry(TaskRunner tasks, Rewire rewire) {
        this.tasks = tasks;
        this.rewire = rewire;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Forgets how the last Retry ended: a new deploy is on the page. */
    void clear() {
        message.set("");
    }

    /**
     * @param found  gets what the wiring found, on the UI thread
     * @param busy   told when it starts and when it is over (succeeded, failed or cancelled)
     */
    void start(DeploySession.Deployed deployed, Consumer<WiringResult> found, Consumer<Boolean> busy) {
        running.set(true);
        busy.accept(true);
        BackgroundTask<WiringResult> t = BackgroundTask.of("Wire the apps again", p -> {
            p.message("Connecting the apps again…");
            return rewire.again(deployed, p);
        });
        // Bound before it starts (a runner may finish it within execute), unbound as soon as it ends.
        message.bind(t.messageProperty());
        progress.bind(t.progressProperty());
        t.onSuccess(result -> {
            unbind();
            found.accept(result);
            message.set(result.allOk() ? "Tried again: every link works now."
                    : "Tried again; " + LinksTally.of(result).sentence().toLowerCase(java.util.Locale.ROOT) + ".");
        }).onFailure(e -> {
            unbind();
            message.set("Retry did not finish: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + " The table shows the links as they were.");
        }).onFinished(() -> {
            unbind();
            task = null;
            running.set(false);
            busy.accept(false);
        });
        task = t;
        tasks.execute(t);
    }

    /** Stops a running Retry; nothing it found reaches the page. */
    void cancel() {
        BackgroundTask<WiringResult> t = task;
        if (t != null) {
            t.cancel();
            message.set("Retry stopped. The table shows the links as they were before it; an app may have taken some settings already.");
        }
    }

    private void unbind() {
        message.unbind();
        progress.unbind();
    }
}

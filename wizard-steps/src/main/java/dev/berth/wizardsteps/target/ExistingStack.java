package dev.berth.wizardsteps.target;

import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.TargetException;
import dev.berth.wizardsteps.core.BackgroundTask;
import dev.berth.wizardsteps.core.LatestTask;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.TargetSession;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The stack Berth set up before, read from the target's stack folder when the person chose to
 * change an existing stack: its answers fill the draft, its secrets are kept for the new plan.
 */
public final class ExistingStack {
    public enum State { NOT_READ, READING, FOUND, NOT_FOUND }

    private record Request(TargetSession.Connected on, String dir) {
    }

    private final StepContext ctx;
    private final LatestTask slot;
    private final StringProperty dir = new SimpleStringProperty(this, "dir", "/opt/berth");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NOT_READ);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    ExistingStack(StepContext ctx) {
        this.ctx = ctx;
        this.slot = new LatestTask(ctx.tasks());
        dir.addListener(o -> {
            slot.cancel();
            state.set(State.NOT_READ);
            message.set("");
        });
    }

    StringProperty dirProperty() {
        return dir;
    }

    ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    void read(TargetSession.Connected on) {
        Request r = new Request(on, dir.get().strip());
        state.set(State.READING);
        message.set("Looking for the stack in " + r.dir() + "…");
        slot.replace(BackgroundTask.of("Read the stack in " + r.dir(), p -> StackState.load(r.on().target(), r.dir(), List.of()))
                .onSuccess(this::found)
                .onFailure(e -> {
                    state.set(State.NOT_FOUND);
                    message.set(e instanceof TargetException te ? te.getMessage() : "Could not read the stack: " + e.getMessage());
                }));
    }

    private void found(StackState s) {
        if (s.kind() != StackState.Kind.BERTH || s.answers().isEmpty()) {
            state.set(State.NOT_FOUND);
            message.set(switch (s.kind()) {
                case MISSING -> s.dir() + " does not exist on the target. Check the folder, or go Back and start a new stack.";
                case EMPTY -> s.dir() + " is empty: there is no stack to change. Go Back and start a new stack.";
                default -> s.dir() + " holds files, but no berth.yaml: Berth did not set it up. Choose the folder that holds berth.yaml.";
            });
            return;
        }
        var answers = s.answers().get();
        // The stack is where it was found, whatever its berth.yaml says (the folder may have been moved):
        // the deploy reads its secrets and writes its files there.
        if (answers.storage() != null && !trimmed(s.dir()).equals(trimmed(answers.storage().stackDir()))) {
            var st = answers.storage();
            answers = answers.withStorage(new dev.berth.answers.StorageAnswers(s.dir(), st.dataRoot(), st.configRoot(), st.puid(),
                    st.pgid(), st.timeZone(), st.hardwareTranscoding()));
        }
        // The stack's own copy may name the server differently (an alias): keep the target as typed.
        ctx.model().loadKeepingTarget(answers);
        ctx.model().setPreviousSecrets(s.secrets());
        state.set(State.FOUND);
        message.set("Found your stack in " + s.dir() + ": " + answers.services().size() + " apps you chose, "
                + s.secrets().size() + " secrets kept. The next pages show what it has.");
    }

    private static String trimmed(String dir) {
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }

    void cancel() {
        slot.cancel();
    }
}

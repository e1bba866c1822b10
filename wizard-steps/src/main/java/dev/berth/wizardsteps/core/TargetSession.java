package dev.berth.wizardsteps.core;

import dev.berth.answers.TargetAnswers;
import dev.berth.engine.check.CheckRunner;
import dev.berth.engine.check.TargetFacts;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The target the wizard works on, once connected: the open {@link Target}, a {@link CheckRunner}
 * for it, and the facts it gathered (user ids, time zone, memory). Shared by the Target page
 * (Test connection), the System check page and the pages that pre-fill from the facts. A new
 * connection cancels the one under way and closes the old one.
 */
public final class TargetSession implements AutoCloseable {
    public enum State { NOT_CONNECTED, CONNECTING, CONNECTED, FAILED }

    /** An open target, for the answers it was opened with. */
    public record Connected(TargetAnswers spec, Target target, CheckRunner runner, TargetFacts facts) {
    }

    /** What the connection work starts from, copied before it starts. */
    private record Request(TargetAnswers spec, String password) {
    }

    private final WizardBackend backend;
    private final DialogService dialogs;
    private final LatestTask slot;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.NOT_CONNECTED);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Connected> connected = new ReadOnlyObjectWrapper<>(this, "connected");
    private TargetAnswers connectingTo;
    private String password;

    TargetSession(WizardBackend backend, TaskRunner tasks, DialogService dialogs) {
        this.backend = backend;
        this.dialogs = dialogs;
        this.slot = new LatestTask(tasks);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Connected to …" or what went wrong and what to do. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The open target, or null. */
    public ReadOnlyObjectProperty<Connected> connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public Optional<Connected> connected() {
        return Optional.ofNullable(connected.get());
    }

    /** Whether the open target is the one these answers describe. */
    public boolean isConnectedTo(TargetAnswers spec) {
        return connected.get() != null && connected.get().spec().equals(spec);
    }

    /** The password typed for SSH; kept in memory only, never in the answers. */
    public void setPassword(String typed) {
        this.password = typed == null || typed.isEmpty() ? null : typed;
    }

    /** Connects unless already connected (or connecting) to this target. */
    public void ensureConnected(TargetAnswers spec) {
        if (!isConnectedTo(spec) && !(state.get() == State.CONNECTING && spec.equals(connectingTo))) {
            connect(spec);
        }
    }

    /** Opens the target afresh (Test connection): cancels a connection under way. */
    public BackgroundTask<Connected> connect(TargetAnswers spec) {
        Request request = new Request(Objects.requireNonNull(spec), password);
        connectingTo = spec;
        state.set(State.CONNECTING);
        message.set("Connecting to " + describe(spec) + "…");
        return slot.replace(BackgroundTask.of("Connect to " + describe(spec), p -> open(request, p))
                .onSuccess(c -> {
                    replace(c);
                    state.set(State.CONNECTED);
                    message.set("Connected to " + c.target().description() + ": " + c.facts().os().describe());
                })
                .onFailure(e -> {
                    replace(null);
                    state.set(State.FAILED);
                    message.set(e instanceof TargetException te ? te.getMessage() : "Could not connect: " + e);
                }));
    }

    /** Forgets the open target: the person changed where the stack runs. */
    public void disconnect() {
        slot.cancel();
        replace(null);
        state.set(State.NOT_CONNECTED);
        message.set("");
    }

    private Connected open(Request r, TaskProgress progress) throws TargetException, InterruptedException {
        WizardBackend.Login asking = WizardBackend.Login.through(dialogs, "");
        WizardBackend.Login login = new WizardBackend.Login(asking.hostKey(),
                question -> r.password() != null ? r.password() : asking.password().ask(question),
                asking.passphrase(), asking.keepPassphrase());
        Target target = backend.open(r.spec(), login);
        CheckRunner runner = new CheckRunner(target, backend.checks());
        try {
            progress.message("Learning about " + target.description() + "…");
            return new Connected(r.spec(), target, runner, runner.facts());
        } catch (TargetException | InterruptedException | RuntimeException e) {
            runner.close();
            target.close();
            throw e;
        }
    }

    private void replace(Connected next) {
        Connected old = connected.get();
        connected.set(next);
        if (old != null && old != next) {
            // Closing an SSH session waits for the server; not on the UI thread.
            Thread.ofVirtual().name("berth-close-target").start(() -> {
                old.runner().close();
                old.target().close();
            });
        }
    }

    static String describe(TargetAnswers spec) {
        if (spec.kind() == TargetAnswers.Kind.LOCAL) {
            return "this computer";
        }
        String host = spec.host() == null ? "" : spec.host();
        return (spec.user() == null ? "" : spec.user() + "@") + host + (spec.portOrDefault() == 22 ? "" : ":" + spec.portOrDefault());
    }

    @Override
    public void close() {
        slot.cancel();
        replace(null);
    }
}

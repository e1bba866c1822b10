package dev.berth.wizardsteps.core;

import dev.berth.answers.Answers;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.DeployProgress;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.TargetException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The deploy as the last three pages share it: the preview the Review page made, which the Deploy
 * page runs, and how that deploy ended, which the Done page shows. Progress goes to the sink the
 * deploy is given, whichever page made the preview.
 */
public final class DeploySession {
    /**
     * A preview and what it was made from. Used by one deploy only: its jobs remember what they
     * did, so they can undo it.
     */
    public record Reviewed(TargetSession.Connected on, Answers answers, DeployOptions options, DeployPreview preview) {
    }

    /** A deploy that ended, and the preview it ran. */
    public record Deployed(Reviewed from, DeployOutcome outcome) {
    }

    private final WizardBackend backend;
    private final ReadOnlyObjectWrapper<Reviewed> reviewed = new ReadOnlyObjectWrapper<>(this, "reviewed");
    private final ReadOnlyObjectWrapper<Deployed> deployed = new ReadOnlyObjectWrapper<>(this, "deployed");

    public DeploySession(WizardBackend backend) {
        this.backend = backend;
    }

    /**
     * Plans and renders the answers with the stack folder's secrets and compares the result with
     * the folder; changes nothing. Blocks: never call on the UI thread.
     */
    public Reviewed preview(TargetSession.Connected on, Answers answers, DeployOptions options)
            throws TargetException, StackState.ForeignStackException {
        DeployPreview preview = new StackDeployer(on.target(), backend.catalog()).preview(answers, options);
        return new Reviewed(on, answers, options, preview);
    }

    /**
     * Runs the preview's jobs under the stack's lock; a failure or a cancel undoes them in reverse.
     * Blocks: never call on the UI thread.
     *
     * @param sink gets every progress report, on this (the deploy's) thread
     * @throws StackBusyException when another deploy (the CLI, another wizard) holds the stack, naming
     *                            who and since when, or changed it since the Review page's preview
     */
    public DeployOutcome deploy(Reviewed r, Consumer<DeployProgress> sink, BooleanSupplier cancelRequested)
            throws TargetException, StackBusyException {
        return new StackDeployer(r.on().target(), backend.catalog()).deploy(r.preview(), sink, cancelRequested);
    }

    /** The preview the Review page shows, not deployed yet; null while there is none. */
    public ReadOnlyObjectProperty<Reviewed> reviewedProperty() {
        return reviewed.getReadOnlyProperty();
    }

    /** The Review page's latest preview (or null when the answers changed since). */
    public void review(Reviewed r) {
        reviewed.set(r);
    }

    /** Hands the reviewed preview to a deploy, once: a second deploy needs a new preview. */
    public Optional<Reviewed> takeReviewed() {
        Reviewed r = reviewed.get();
        reviewed.set(null);
        return Optional.ofNullable(r);
    }

    /** The last deploy that ended; null before. */
    public ReadOnlyObjectProperty<Deployed> deployedProperty() {
        return deployed.getReadOnlyProperty();
    }

    public void finished(Deployed d) {
        deployed.set(d);
    }
}

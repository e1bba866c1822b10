package dev.berth.engine.update;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.Image;
import dev.berth.engine.deploy.AwaitHealthJob;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.DeployProgress;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.deploy.JobContext;
import dev.berth.engine.deploy.JobOutcomes;
import dev.berth.engine.deploy.ServicesNotUpException;
import dev.berth.engine.deploy.StackDeployer;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackLock;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.ImagePin;
import dev.berth.plan.ImagePins;
import dev.berth.plan.StackPlan;
import dev.berth.render.StackRendering;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Applies image updates as a deploy: the stack is rendered again with each updated service pinned by
 * digest (compose.yaml names {@code repo:tag@sha256:…}, {@code berth-pins.yaml} keeps the previous
 * tag and digest), and {@link StackDeployer} runs it with its jobs and their undo: back up, write,
 * pull, {@code compose up}, wait for health. A failed update is undone like a failed deploy (the
 * previous files, so the previous images, and {@code up} of the previous stack); then the health
 * wait runs once more, so the person learns whether the stack is whole again on its old images.
 *
 * <p>An update changes images only, so it sets up no proxy hosts and wires no apps: their settings
 * live in the apps' config folders, which an image change leaves alone ({@code berth wire} redoes it).
 */
public final class StackUpdater {
    private final Target target;
    private final Clock clock;
    private final UpdateFinder finder;
    private final StackDeployer deployer;

    public StackUpdater(Target target, Catalog catalog, Clock clock, UpdateFinder finder) {
        this.target = target;
        this.clock = clock;
        this.finder = finder;
        this.deployer = new StackDeployer(target, catalog, clock);
    }

    /** The stack's deploy lock, held from before {@link #preview} until {@link #apply} ended (see {@link StackDeployer#lock}). */
    public StackLock lock(String stackDir) throws TargetException, StackBusyException {
        return deployer.lock(stackDir);
    }

    /**
     * Reads the stack in {@code stackDir}, asks the finder for updates and, when some are to apply,
     * previews their deploy; changes nothing.
     *
     * @param only     the services to update; empty for all
     * @param options  the deploy's options (the health wait's limit, offline); proxy hosts and wiring are left out
     * @throws TargetException when the folder holds no stack Berth made, or cannot be read
     * @throws dev.berth.answers.InvalidAnswersException when its berth.yaml no longer plans
     */
    public UpdatePreview preview(String stackDir, Set<String> only, DeployOptions options, BooleanSupplier cancelled)
            throws TargetException, InterruptedException, StackState.ForeignStackException {
        StackState state = StackState.loadForRendering(target, stackDir, false);
        Answers answers = state.answers().orElseThrow(() -> new TargetException(TargetException.Reason.FILE,
                "There is no stack Berth made in " + stackDir + " on " + target.description()
                        + " (no berth.yaml). Name the folder with --dir, or deploy one with berth deploy."));
        // The scheduler the deploy would resolve: the scheduled container's image is among the stack's.
        StackRendering.Checked checked = deployer.resolveBackupScheduler(deployer.check(answers));
        StackPlan current = checked.planner().plan(checked.answers(), state.secrets(), state.previousPorts(), state.pins());
        List<ImageStatus> statuses = finder.find(target, current, cancelled);
        List<ImageStatus> chosen = statuses.stream()
                .filter(s -> s.update().isPresent() && (only.isEmpty() || only.contains(s.service())))
                .filter(s -> !s.update().get().digest().equals(s.digest()))
                .toList();
        if (chosen.isEmpty()) {
            return new UpdatePreview(current, statuses, chosen, Optional.empty());
        }
        ImagePins pins = current.pins();
        for (ImageStatus s : chosen) {
            pins = pins.with(s.service(), pin(s, current.pins()));
        }
        DeployPreview deploy = deployer.preview(checked, options.withProxyHosts(false).withWiring(false), Optional.of(pins));
        return new UpdatePreview(current, statuses, chosen, Optional.of(deploy));
    }

    /**
     * The pin an update makes: the new tag at its digest, over what the service ran (at the digest it
     * runs when the finder knew it), made over the catalog's tag of the first pin in a row of updates.
     */
    static ImagePin pin(ImageStatus status, ImagePins held) {
        Image runs = status.image();
        ImageUpdate update = status.update().orElseThrow();
        Image previous = new Image(runs.repository(), runs.tag(), status.digest() != null ? status.digest() : runs.digest());
        String catalogTag = held.of(status.service()).map(ImagePin::catalogTag).orElse(runs.tag());
        return new ImagePin(new Image(runs.repository(), update.tag(), update.digest()), previous, catalogTag);
    }

    /**
     * Applies the preview's updates as a deploy under {@code lock}. After a rollback that brought the
     * previous stack back up, waits for its health once more.
     *
     * @param lock the stack's lock, taken before the preview was made
     */
    public UpdateOutcome apply(UpdatePreview preview, StackLock lock, Consumer<DeployProgress> listener,
                               BooleanSupplier cancelRequested, BooleanSupplier stopUndoing) {
        DeployPreview deploy = preview.deploy().orElseThrow(() -> new IllegalArgumentException("there is nothing to update"));
        DeployOutcome outcome = deployer.deploy(deploy, lock, listener, cancelRequested, stopUndoing);
        // After a cancel the person asked Berth to stop: no further wait.
        if (!(outcome.result() instanceof DeploymentResult.RolledBack r) || !r.undoErrors().isEmpty()) {
            return new UpdateOutcome(outcome, Optional.empty(), Optional.empty());
        }
        // The previous stack is up again; whether it is healthy is what the person needs to know next.
        JobOutcomes outcomes = new JobOutcomes();
        JobContext context = new JobContext(target, clock, cancelRequested, listener, outcomes);
        Optional<String> failure = Optional.empty();
        try {
            new AwaitHealthJob(preview.current(), deploy.options().healthTimeout()).execute(context);
        } catch (ServicesNotUpException | TargetException e) {
            failure = Optional.of(e.getMessage());
        } catch (CancellationException e) {
            failure = Optional.of("The health check after the rollback was cancelled.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = Optional.of("The health check after the rollback was interrupted.");
        }
        return new UpdateOutcome(outcome, outcomes.get(AwaitHealthJob.REPORT), failure);
    }
}

package dev.berth.wizardsteps.deploy;

import dev.berth.answers.Answers;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployProgress;
import dev.berth.engine.deploy.DeploymentEvent;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.wizardsteps.core.BackgroundTask;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.LinksTally;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.UiBatcher;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Step 10: runs the preview the person reviewed, as a background task, and shows it happen: each
 * step, each image's download, each service turning healthy (or failing, with its last log
 * lines), and on failure the rollback step by step. The person may cancel; Berth then stops the
 * step under way (a running {@code compose up} too) and puts back what it changed. While it runs
 * the wizard stays on this page. Another deploy of the same stack under way (the CLI, another
 * wizard) ends it before anything changes, with the holder named in the message.
 */
public final class DeployViewModel extends StepViewModel {
    /** {@code ASKING}: the reviewed deploy waits for Plex's claim token (or the choice to go without). */
    public enum State { WAITING, ASKING, RUNNING, CANCELLING, SUCCEEDED, ROLLED_BACK, CANCELLED, CRASHED }

    private final DeploySession session;
    private final DeployBoard board = new DeployBoard();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.WAITING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private BackgroundTask<DeploySession.Deployed> task;
    private final StringProperty claimToken = new SimpleStringProperty(this, "claimToken", "");
    private final ReadOnlyStringWrapper claimMessage = new ReadOnlyStringWrapper(this, "claimMessage", "");
    /** The reviewed deploy waiting for the claim token. */
    private DeploySession.Reviewed asking;
    /** The deploy waiting for the token is a Try again: its preview was used, so it is made afresh either way. */
    private boolean askingAgain;

    public DeployViewModel(StepContext ctx, DeploySession session) {
        super(ctx);
        this.session = session;
    }

    @Override
    public String title() {
        return "Deploy";
    }

    @Override
    public String description() {
        return "Berth writes the files, downloads the images, starts the services and waits until each one is healthy.";
    }

    public DeployBoard board() {
        return board;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The step under way while running; how it ended afterwards. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Steps done out of all, from 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * Arriving from Review deploys its preview, or first asks for Plex's claim token when Plex
     * starts for the first time; coming back from Done shows how the deploy ended.
     */
    @Override
    public void enter() {
        session.takeReviewed().ifPresent(r -> {
            if (PlexClaim.asked(r.preview())) {
                ask(r);
            } else {
                start(r);
            }
        });
        if (state.get() == State.WAITING) {
            message.set("Nothing to deploy yet: go back to Review.");
        }
    }

    /** Plex's claim token as typed; empty starts Plex unclaimed. A secret: cleared once the deploy starts. */
    public StringProperty claimTokenProperty() {
        return claimToken;
    }

    /** What is wrong with the token typed (the answers' own rule), or empty. */
    public ReadOnlyStringProperty claimMessageProperty() {
        return claimMessage.getReadOnlyProperty();
    }

    /** Where to get a token, for the page's link. */
    public String claimUrl() {
        return PlexClaim.CLAIM_URL;
    }

    public void openClaimPage() {
        ctx.dialogs().openInBrowser(PlexClaim.CLAIM_URL);
    }

    /**
     * Starts the deploy that waits for the token: with it (the preview is made again, so the token
     * reaches Plex through this deploy's files) or, when left empty, as reviewed. A token that
     * breaks the answers' rule is named and nothing starts.
     */
    public void startWithClaim() {
        DeploySession.Reviewed r = asking;
        if (r == null || state.get() != State.ASKING) {
            return;
        }
        Answers withToken = PlexClaim.with(r.answers(), claimToken.get());
        if (withToken == r.answers() && !askingAgain) {
            asking = null;
            start(r);
            return;
        }
        var problem = withToken == r.answers() ? java.util.Optional.<String>empty()
                : PlexClaim.problem(ctx.backend().validator(), withToken);
        claimMessage.set(problem.orElse(""));
        if (problem.isPresent()) {
            return;
        }
        asking = null;
        claimToken.set("");
        // Only this deploy's answers carry it: the draft (and so berth.yaml and a Try again) never do.
        run(null, () -> session.preview(r.on(), withToken, r.options()));
    }

    private void ask(DeploySession.Reviewed r) {
        asking = r;
        askingAgain = false;
        claimToken.set("");
        claimMessage.set("");
        state.set(State.ASKING);
        setValid(false);
        setSummary("Waiting for Plex's claim token");
        message.set("Plex starts for the first time. To link it to your Plex account, get a claim token at " + PlexClaim.CLAIM_URL
                + " and paste it here: it is valid for four minutes, so get it now, right before starting. Or start without one:"
                + " the Done page then says how to claim Plex later.");
    }

    /** Asks, then stops the step under way and puts back what was changed. */
    public void cancel() {
        if (state.get() == State.RUNNING && ctx.dialogs().confirm("Stop the deploy?",
                "Berth stops the step under way and puts back everything it changed so far.", "_Stop deploy", "_Keep going")) {
            requestCancel();
        }
    }

    /** After a failure or a cancel: the same answers, worked out afresh (the files on the target are as before). */
    public void tryAgain() {
        DeploySession.Deployed last = session.deployedProperty().get();
        if (last == null || isBusy()) {
            return;
        }
        DeploySession.Reviewed was = last.from();
        if (PlexClaim.firstStart(was.preview())) {
            // Plex has still never started in this stack, and the token typed before has most likely expired.
            ask(new DeploySession.Reviewed(was.on(), ctx.model().answers(), was.options(), was.preview()));
            askingAgain = true;
            return;
        }
        run(null, () -> session.preview(was.on(), ctx.model().answers(), was.options()));
    }

    @Override
    public void stop() {
        requestCancel();
    }

    @Override
    public void close() {
        requestCancel();
    }

    private void requestCancel() {
        if (state.get() == State.RUNNING) {
            cancelRequested.set(true);
            state.set(State.CANCELLING);
            setSummary("Stopping…");
        }
    }

    private void start(DeploySession.Reviewed reviewed) {
        run(reviewed, null);
    }

    /**
     * @param given the reviewed preview, or null to make a new one first with {@code fresh} (on the worker)
     */
    private void run(DeploySession.Reviewed given, Callable<DeploySession.Reviewed> fresh) {
        cancelRequested.set(false);
        state.set(State.RUNNING);
        setBusy(true);
        setValid(false);
        setSummary("Deploying…");
        if (given != null) {
            board.start(given.preview());
        }
        task = BackgroundTask.of("Deploy", p -> {
            DeploySession.Reviewed r = given;
            if (r == null) {
                p.message("Working out the deploy again…");
                r = fresh.call();
                DeploySession.Reviewed made = r;
                p.ui(() -> board.start(made.preview()));
            }
            UiBatcher<DeployProgress> toUi = new UiBatcher<>(p, board::applyAll);
            Consumer<DeployProgress> sink = event -> {
                if (event instanceof DeployProgress.Step s && s.event() instanceof DeploymentEvent.Started st) {
                    p.message(st.job().description() + "…");
                    p.fraction((double) st.index() / st.total());
                }
                toUi.accept(event);
            };
            return new DeploySession.Deployed(r, session.deploy(r, sink, () -> cancelRequested.get() || p.cancelled()));
        });
        // Bound before it starts (a runner may finish it within execute), unbound as soon as it ends.
        message.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        task.onSuccess(this::finished).onFailure(this::crashed).onFinished(() -> {
            unbind();
            setBusy(false);
        });
        ctx.tasks().execute(task);
    }

    private void finished(DeploySession.Deployed deployed) {
        unbind();
        session.finished(deployed);
        DeployOutcome outcome = deployed.outcome();
        board.finish(outcome);
        String backup = outcome.backupDir().map(b -> " The previous files are kept in " + b + ".").orElse("");
        String log = outcome.log().map(l -> "\n" + l.sentence()).orElse("");
        switch (outcome.result()) {
            case DeploymentResult.Succeeded s -> {
                state.set(State.SUCCEEDED);
                progress.set(1);
                long up = board.services().size();
                String links = outcome.wiring().map(w -> " " + LinksTally.of(w).afterDeploy()).orElse("");
                message.set("Deployed: " + (up == 1 ? "the service is" : "all " + up + " services are") + " up." + links + backup);
                setSummary("Every service is up");
                setValid(true);
            }
            case DeploymentResult.RolledBack rb -> {
                state.set(State.ROLLED_BACK);
                message.set("The deploy failed at \"" + rb.failedJob().description() + "\": " + reason(rb.cause()) + "\n"
                        + undone(rb.undoErrors()) + backup + log);
                setSummary("Failed, put back");
            }
            case DeploymentResult.Cancelled c -> {
                state.set(State.CANCELLED);
                message.set("Cancelled. " + undone(c.undoErrors()) + log);
                setSummary("Cancelled");
            }
        }
    }

    private void crashed(Throwable e) {
        unbind();
        state.set(State.CRASHED);
        message.set("The deploy could not start: " + reason(e));
        setSummary("Could not start");
    }

    private void unbind() {
        message.unbind();
        progress.unbind();
    }

    private boolean isBusy() {
        return state.get() == State.RUNNING || state.get() == State.CANCELLING;
    }

    private static String undone(List<DeploymentResult.UndoError> errors) {
        if (errors.isEmpty()) {
            return "Everything it changed was put back as it was.";
        }
        StringBuilder s = new StringBuilder("These steps could not be undone; check them by hand:");
        errors.forEach(e -> s.append("\n• ").append(e.job().description()).append(": ").append(reason(e.cause())));
        return s.toString();
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

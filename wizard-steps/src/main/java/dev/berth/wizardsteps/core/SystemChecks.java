package dev.berth.wizardsteps.core;

import dev.berth.answers.Answers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.engine.check.Check;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Checks;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The system checks on the connected target, shared by the pages that show them (System check,
 * and the hardlink result on Storage). A run streams its results into {@link #results()} as they
 * finish. {@link #refresh()} plans the draft (when it can be planned) and re-runs only the
 * checks whose inputs changed; a new connection runs them all. A new run cancels the previous one.
 */
public final class SystemChecks implements AutoCloseable {
    /** Everything a run needs, copied before it starts. */
    private record Request(TargetSession.Connected on, Answers draft, Map<String, String> secrets, boolean fresh) {
    }

    private final WizardModel model;
    private final TargetSession target;
    private final WizardBackend backend;
    private final LatestTask slot;
    private final List<Check> checks = Checks.all();
    private final ObservableMap<String, CheckResult> results = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper planned = new ReadOnlyBooleanWrapper(this, "planned");
    private TargetSession.Connected ranOn;

    SystemChecks(WizardModel model, TargetSession target, WizardBackend backend, TaskRunner tasks) {
        this.model = model;
        this.target = target;
        this.backend = backend;
        this.slot = new LatestTask(tasks);
        target.connectedProperty().addListener((o, was, now) -> {
            slot.cancel();
            running.set(false);
            results.clear();
            ranOn = null;
            if (now != null && active) {
                refresh();
            }
        });
    }

    private boolean active;

    /** Every check, in the order of the table (titles for rows still waiting). */
    public List<Check> checks() {
        return checks;
    }

    /** The latest result of each check, by check id. */
    public ObservableMap<String, CheckResult> results() {
        return results;
    }

    public Optional<CheckResult> result(String checkId) {
        return Optional.ofNullable(results.get(checkId));
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether the last run had a plan: without one, the checks that need the answers were skipped. */
    public ReadOnlyBooleanProperty plannedProperty() {
        return planned.getReadOnlyProperty();
    }

    /**
     * Runs the checks for the draft as it is now: connects first when needed (the run follows the
     * connection), re-runs only what changed when the target is the same. From the first call on,
     * a new connection also runs them.
     */
    public void refresh() {
        active = true;
        TargetSession.Connected on = target.connected().filter(c -> c.spec().equals(model.targetProperty().get())).orElse(null);
        if (on == null) {
            target.ensureConnected(model.targetProperty().get());
            return;
        }
        Request request = new Request(on, model.answers(), model.previousSecretsProperty().get(), on != ranOn);
        if (request.fresh()) {
            results.clear();
        }
        ranOn = on;
        running.set(true);
        slot.replace(BackgroundTask.of("System checks", p -> run(request, p))
                .onSuccess(plannedRun -> planned.set(plannedRun))
                .onFailure(e -> ranOn = null)
                .onFinished(() -> running.set(false)));
    }

    private boolean run(Request r, TaskProgress progress) throws InterruptedException {
        StackPlan plan = plan(r);
        var runner = r.on().runner();
        if (r.fresh()) {
            runner.run(plan, result -> progress.ui(() -> results.put(result.checkId(), result)));
        } else {
            runner.runAgain(plan, result -> progress.ui(() -> results.put(result.checkId(), result)));
        }
        return plan != null;
    }

    /** The plan for the draft, or null while the draft cannot be planned (storage or apps not chosen yet). */
    private StackPlan plan(Request r) {
        if (r.draft().storage() == null || r.draft().services().isEmpty()) {
            return null;
        }
        try {
            return new Planner(backend.catalog()).plan(r.draft(), r.secrets());
        } catch (InvalidAnswersException e) {
            return null;
        }
    }

    @Override
    public void close() {
        active = false;
        slot.cancel();
        target.connected().ifPresent(c -> c.runner().cancel());
    }
}

package dev.berth.wizardsteps.core;

import dev.berth.answers.Answers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.engine.check.Check;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.CheckRunner;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
    private record Request(TargetSession.Connected on, Answers draft, Map<String, String> secrets, boolean fresh,
                           CheckRunner storageRunner) {
    }

    /**
     * The checks that read only the storage answers (and the stack's name, chosen there). Storage
     * comes before Apps, so while no app is chosen these run on a plan with stand-in apps (a media
     * server and a torrent client, which use the whole data tree), in a runner of their own so the
     * stand-ins never reach the others.
     */
    private static final Set<String> STORAGE_CHECKS = Set.of("paths", "hardlinks", "ids-timezone", "project-name");
    private static final List<String> STAND_IN_APPS = List.of("jellyfin", "qbittorrent");

    private final WizardModel model;
    private final TargetSession target;
    private final WizardBackend backend;
    private final LatestTask slot;
    private final List<Check> checks;
    private final ObservableMap<String, CheckResult> results = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper planned = new ReadOnlyBooleanWrapper(this, "planned");
    private TargetSession.Connected ranOn;
    private CheckRunner storageRunner;

    SystemChecks(WizardModel model, TargetSession target, WizardBackend backend, TaskRunner tasks) {
        this.model = model;
        this.target = target;
        this.backend = backend;
        this.checks = backend.checks();
        this.slot = new LatestTask(tasks);
        target.connectedProperty().addListener((o, was, now) -> {
            slot.cancel();
            running.set(false);
            results.clear();
            ranOn = null;
            closeStorageRunner();
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
        boolean fresh = on != ranOn;
        if (fresh) {
            results.clear();
            closeStorageRunner();
            storageRunner = new CheckRunner(on.target(), checks.stream().filter(c -> STORAGE_CHECKS.contains(c.id())).toList());
        }
        Request request = new Request(on, model.answers(), model.previousSecretsProperty().get(), fresh, storageRunner);
        ranOn = on;
        running.set(true);
        slot.replace(BackgroundTask.of("System checks", p -> run(request, p))
                .onSuccess(plannedRun -> planned.set(plannedRun))
                .onFailure(e -> ranOn = null)
                .onFinished(() -> running.set(false)));
    }

    /** Runs every check again from scratch ("Run again"). */
    public void refreshAll() {
        ranOn = null;
        refresh();
    }

    private boolean run(Request r, TaskProgress progress) throws InterruptedException {
        Consumer<CheckResult> deliver = result -> progress.ui(() -> results.put(result.checkId(), result));
        StackPlan plan = r.draft().services().isEmpty() ? null : plan(r.draft(), r.secrets());
        var runner = r.on().runner();
        if (r.fresh()) {
            runner.run(plan, deliver);
        } else {
            runner.runAgain(plan, deliver);
        }
        if (plan == null && r.draft().storage() != null) {
            StackPlan storageOnly = plan(r.draft().withServices(STAND_IN_APPS), r.secrets());
            if (storageOnly != null) {
                // All of them, re-run or not: the run above reported them as skipped.
                r.storageRunner().runAgain(storageOnly, result -> { }).forEach(deliver);
            }
        }
        return plan != null;
    }

    /** The plan for the draft, or null while the draft cannot be planned yet. */
    private StackPlan plan(Answers draft, Map<String, String> secrets) {
        if (draft.storage() == null) {
            return null;
        }
        try {
            return new Planner(backend.catalog()).plan(draft, secrets);
        } catch (InvalidAnswersException e) {
            return null;
        }
    }

    private void closeStorageRunner() {
        if (storageRunner != null) {
            CheckRunner old = storageRunner;
            storageRunner = null;
            Thread.ofVirtual().start(old::close);
        }
    }

    @Override
    public void close() {
        active = false;
        slot.cancel();
        closeStorageRunner();
        target.connected().ifPresent(c -> c.runner().cancel());
    }
}

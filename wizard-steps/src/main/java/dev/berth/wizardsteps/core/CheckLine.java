package dev.berth.wizardsteps.core;

import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Status;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.MapChangeListener;

/**
 * One system check's latest result, for a page that shows it beside its own fields (the folder
 * and hardlink checks on Storage; the domain check on Access): a status and a line of text with
 * the fix when there is something to do. Follows {@link SystemChecks} by itself.
 */
public final class CheckLine {
    private final SystemChecks checks;
    private final String checkId;
    private final String waiting;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");

    /**
     * @param waiting what to say before the check has a result (it needs answers not given yet)
     */
    public CheckLine(SystemChecks checks, String checkId, String waiting) {
        this.checks = checks;
        this.checkId = checkId;
        this.waiting = waiting;
        checks.results().addListener((MapChangeListener<String, CheckResult>) c -> {
            if (c.getKey().equals(checkId)) {
                update();
            }
        });
        checks.runningProperty().addListener(o -> update());
        update();
    }

    /** PASS, WARN or FAIL; null while there is no result (or it was skipped). */
    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    private void update() {
        CheckResult r = checks.results().get(checkId);
        boolean done = r != null && r.status() != Status.SKIP;
        status.set(done ? r.status() : null);
        text.set(done ? r.summary() + (r.fix().isBlank() || r.status() == Status.PASS ? "" : "\n" + r.fix())
                : checks.runningProperty().get() ? "Checking…" : waiting);
    }
}

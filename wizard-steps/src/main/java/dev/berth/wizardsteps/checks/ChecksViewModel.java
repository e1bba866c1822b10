package dev.berth.wizardsteps.checks;

import dev.berth.engine.check.Check;
import dev.berth.engine.check.CheckData;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Status;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.SystemChecks;
import dev.berth.wizardsteps.core.TargetSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 3: the system checks on the target, as they come in. FAILs block Next, WARNs do not.
 * Entering the page runs them (only those whose inputs changed, after the first time); the
 * person can run them all again and copy any fix command.
 */
public final class ChecksViewModel extends StepViewModel {
    private final SystemChecks checks;
    private final ObservableList<CheckRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public ChecksViewModel(StepContext ctx) {
        super(ctx);
        this.checks = ctx.checks();
        Observable[] sources = {checks.results(), checks.runningProperty(), checks.plannedProperty(),
                ctx.target().stateProperty()};
        for (Observable o : sources) {
            o.addListener(x -> update());
        }
        update();
    }

    @Override
    public String title() {
        return "System check";
    }

    @Override
    public String description() {
        return "Berth looks at the target: Docker, Compose, memory and disk, ports, folders, ids and clock.";
    }

    /** One row per check, in the order of the table; a row is replaced when its result arrives. */
    public ObservableList<CheckRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return checks.runningProperty();
    }

    /** Why the checks cannot run (the connection failed), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    @Override
    public void enter() {
        checks.refresh();
    }

    /** Runs every check again, from scratch. */
    public void runAgain() {
        checks.refreshAll();
    }

    public void copyFix(CheckRow row) {
        if (!row.fix().isBlank()) {
            ctx.dialogs().copyToClipboard(row.fix());
        }
    }

    /**
     * The "Install Docker…" dialog's model for the connected target, its plan being made; empty
     * when there is no connection.
     */
    public Optional<DockerInstallViewModel> installDocker() {
        return ctx.target().connected().map(c -> {
            DockerInstallViewModel install = new DockerInstallViewModel(ctx, c.target());
            install.prepare();
            return install;
        });
    }

    private void update() {
        List<CheckRow> next = new ArrayList<>();
        for (Check c : checks.checks()) {
            CheckResult r = checks.results().get(c.id());
            next.add(r == null ? new CheckRow(c.id(), c.title(), null, "Waiting…", "", "", false) : row(r));
        }
        if (!next.equals(rows)) {
            for (int i = 0; i < next.size(); i++) {
                if (i >= rows.size()) {
                    rows.add(next.get(i));
                } else if (!rows.get(i).equals(next.get(i))) {
                    rows.set(i, next.get(i));
                }
            }
        }
        boolean failedToConnect = ctx.target().stateProperty().get() == TargetSession.State.FAILED;
        problem.set(failedToConnect ? ctx.target().messageProperty().get() : "");
        long fails = count(Status.FAIL);
        long warns = count(Status.WARN);
        long done = rows.stream().filter(r -> !r.waiting()).count();
        boolean finished = !checks.runningProperty().get() && done == rows.size();
        setValid(finished && fails == 0 && !failedToConnect);
        setSummary(failedToConnect ? "Cannot connect"
                : !finished ? (done == 0 ? "" : "Checking… " + done + " of " + rows.size())
                : fails > 0 ? fails + " to fix: " + firstTitle(Status.FAIL)
                : warns > 0 ? "Passed, " + warns + " warning" + (warns == 1 ? "" : "s")
                : "All passed");
    }

    /** A skipped check without a plan waits for the later pages, in the wizard's words rather than the CLI's. */
    private CheckRow row(CheckResult r) {
        String summary = r.status() == Status.SKIP && !checks.plannedProperty().get()
                ? "Runs once you have chosen storage and apps" : r.summary();
        return new CheckRow(r.checkId(), r.title(), r.status(), summary, r.details(), r.fix(),
                r.status() == Status.FAIL && r.data(CheckData.DockerInstallable.class).isPresent());
    }

    private long count(Status s) {
        return rows.stream().filter(r -> r.status() == s).count();
    }

    private String firstTitle(Status s) {
        return rows.stream().filter(r -> r.status() == s).map(CheckRow::title).findFirst().orElse("");
    }

    @Override
    public void close() {
        checks.close();
    }
}

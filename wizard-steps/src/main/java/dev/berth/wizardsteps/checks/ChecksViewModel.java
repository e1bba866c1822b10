package dev.berth.wizardsteps.checks;

import dev.berth.engine.check.Check;
import dev.berth.engine.check.CheckData;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Status;
import dev.berth.wizardsteps.core.HostChecks;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.SystemChecks;
import dev.berth.wizardsteps.core.TargetSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 3: the system checks on the target, as they come in. FAILs block Next, WARNs do not.
 * Entering the page runs them (only those whose inputs changed, after the first time); the
 * person can run them all again and copy any fix command. For a stack on several machines the
 * checks run on every machine at once, each machine's results under its name, with their
 * resources added up underneath.
 */
public final class ChecksViewModel extends StepViewModel {
    private static final String PORTS = "ports";

    private final SystemChecks checks;
    private final HostChecks hostChecks;
    private final ObservableList<HostSection> hostSections = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper severalHosts = new ReadOnlyBooleanWrapper(this, "severalHosts");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ObservableList<CheckRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final TakenPorts takenPorts;

    public ChecksViewModel(StepContext ctx) {
        super(ctx);
        this.checks = ctx.checks();
        this.hostChecks = ctx.hostChecks();
        this.takenPorts = new TakenPorts(ctx.model());
        running.bind(checks.runningProperty().or(hostChecks.runningProperty()));
        Observable[] sources = {checks.results(), checks.runningProperty(), checks.plannedProperty(),
                ctx.target().stateProperty(), hostChecks.hostsProperty(), hostChecks.runningProperty(), ctx.model().hostsProperty(),
                ctx.model().portOverridesProperty()};
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
        return running.getReadOnlyProperty();
    }

    /** Whether the stack runs on several machines: the page then shows {@link #hostSections()} instead of {@link #rows()}. */
    public ReadOnlyBooleanProperty severalHostsProperty() {
        return severalHosts.getReadOnlyProperty();
    }

    /** Each machine's checks under its name, in the order of the Target page's machines. */
    public ObservableList<HostSection> hostSections() {
        return hostSections;
    }

    /** The machines' memory, free storage, cores and load added up, once measured; empty before. */
    public ReadOnlyStringProperty togetherProperty() {
        return hostChecks.togetherProperty();
    }

    /** Why the checks cannot run (the connection failed), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    @Override
    public void enter() {
        if (ctx.model().answers().isMultiHost()) {
            hostChecks.refresh();
        } else {
            checks.refresh();
        }
    }

    /** Runs every check again, from scratch. */
    public void runAgain() {
        if (ctx.model().answers().isMultiHost()) {
            hostChecks.refreshAll();
        } else {
            checks.refreshAll();
        }
    }

    /**
     * The port check row's button: takes the check's suggested ports into the answers' port
     * overrides, or puts back the ports there were before; then checks the ports again.
     */
    public void portAction(CheckRow row) {
        if (row.portAction() == null) {
            return;
        }
        if (row.portAction().takes()) {
            Optional<CheckData.PortSuggestions> suggestions = checks.result(PORTS).flatMap(r -> r.data(CheckData.PortSuggestions.class));
            if (suggestions.isEmpty()) {
                return;
            }
            takenPorts.take(suggestions.get());
        } else {
            takenPorts.restore();
        }
        checks.refresh();
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
        severalHosts.set(!ctx.model().hostsProperty().get().isEmpty());
        if (severalHosts.get()) {
            updateHosts();
            return;
        }
        if (!hostSections.isEmpty()) {
            hostSections.clear();
        }
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

    private void updateHosts() {
        List<HostSection> next = hostChecks.hostsProperty().get().stream().map(h -> new HostSection(h.name(),
                h.name() + " — " + h.description(), h.results().stream().map(this::hostRow).toList(), h.resources(), h.problem())).toList();
        if (!next.equals(hostSections)) {
            hostSections.setAll(next);
        }
        problem.set("");
        List<CheckRow> all = next.stream().flatMap(h -> h.rows().stream()).toList();
        long fails = all.stream().filter(r -> r.status() == Status.FAIL).count();
        long warns = all.stream().filter(r -> r.status() == Status.WARN).count();
        List<String> broken = next.stream().filter(h -> !h.problem().isEmpty()).map(HostSection::name).toList();
        boolean finished = !hostChecks.runningProperty().get() && !next.isEmpty();
        setValid(finished && fails == 0 && broken.isEmpty());
        setSummary(!finished ? (all.isEmpty() ? "" : "Checking " + next.size() + " machines… " + all.size() + " done")
                : !broken.isEmpty() ? "Cannot check " + String.join(", ", broken)
                : fails > 0 ? fails + " to fix: " + all.stream().filter(r -> r.status() == Status.FAIL).map(CheckRow::title)
                        .findFirst().orElse("")
                : warns > 0 ? next.size() + " machines passed, " + warns + " warning" + (warns == 1 ? "" : "s")
                : next.size() + " machines, all passed");
    }

    /**
     * The guided Docker install works on the one connected target, so a machine of several points to
     * its fix instead. So do taken ports: each machine's port check sees that machine alone, and a
     * service Swarm places publishes its port on every machine.
     */
    private CheckRow hostRow(CheckResult r) {
        CheckRow row = row(r);
        return new CheckRow(row.id(), row.title(), row.status(), row.summary(), row.details(), row.fix(), false);
    }

    /** A skipped check without a plan waits for the later pages, in the wizard's words rather than the CLI's. */
    private CheckRow row(CheckResult r) {
        String summary = r.status() == Status.SKIP && !checks.plannedProperty().get()
                ? "Runs once you have chosen storage and apps" : r.summary();
        boolean installable = r.status() == Status.FAIL && r.data(CheckData.DockerInstallable.class).isPresent();
        if (!r.checkId().equals(PORTS)) {
            return new CheckRow(r.checkId(), r.title(), r.status(), summary, r.details(), r.fix(), installable);
        }
        Optional<CheckData.PortSuggestions> suggestions = r.data(CheckData.PortSuggestions.class)
                .filter(s -> r.status() == Status.FAIL && !checks.runningProperty().get());
        String note = takenPorts.note();
        if (!note.isEmpty() && (r.status() == Status.PASS || r.status() == Status.WARN)) {
            summary = summary + "; " + note;
        }
        CheckRow.PortAction action = suggestions.map(TakenPorts::offer).or(takenPorts::back).orElse(null);
        return new CheckRow(r.checkId(), r.title(), r.status(), summary, r.details(), r.fix(), installable, action);
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
        hostChecks.close();
    }
}

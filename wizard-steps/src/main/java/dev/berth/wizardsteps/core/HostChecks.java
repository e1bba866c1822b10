package dev.berth.wizardsteps.core;

import dev.berth.answers.Answers;
import dev.berth.answers.HostAnswers;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Checks;
import dev.berth.engine.check.ClusterChecks;
import dev.berth.engine.check.ClusterResources;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.HostResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The checks of a stack on several machines (issue 17), for the System check page and the
 * placement on Review: every host of {@code hosts:} opened (one after another, so each SSH host asks
 * its host-key question as the single target's does), then {@link ClusterChecks} on all at once.
 * Each host's results arrive under its name as they finish; the resources read feed the placement.
 * A new run cancels the one under way.
 */
public final class HostChecks implements AutoCloseable {
    /**
     * One host as the page shows it.
     *
     * @param description where it is ("this computer", "media@nas.local")
     * @param results     its checks so far, in the order they finished
     * @param resources   what it has, in words, once read; empty before
     * @param problem     why it cannot be checked or its resources not read (and what to do), or empty
     */
    public record HostResult(String name, String description, List<CheckResult> results, String resources, String problem) {
        public HostResult {
            results = List.copyOf(results);
        }

        HostResult with(CheckResult r) {
            List<CheckResult> more = new ArrayList<>(results);
            more.add(r);
            return new HostResult(name, description, more, resources, problem);
        }
    }

    private final WizardModel model;
    private final WizardBackend backend;
    private final DialogService dialogs;
    private final LatestTask slot;
    private final ReadOnlyObjectWrapper<List<HostResult>> hosts = new ReadOnlyObjectWrapper<>(this, "hosts", List.of());
    private final ReadOnlyObjectWrapper<Map<String, HostResources>> resources = new ReadOnlyObjectWrapper<>(this, "resources", Map.of());
    private final ReadOnlyStringWrapper together = new ReadOnlyStringWrapper(this, "together", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private List<HostAnswers> ranFor = List.of();

    HostChecks(WizardModel model, WizardBackend backend, TaskRunner tasks, DialogService dialogs) {
        this.model = model;
        this.backend = backend;
        this.dialogs = dialogs;
        this.slot = new LatestTask(tasks);
    }

    /** Every host checked so far, in the order of {@code hosts:}. */
    public ReadOnlyObjectProperty<List<HostResult>> hostsProperty() {
        return hosts.getReadOnlyProperty();
    }

    /** Host name → its resources, for the hosts whose resources were read. */
    public ReadOnlyObjectProperty<Map<String, HostResources>> resourcesProperty() {
        return resources.getReadOnlyProperty();
    }

    /** The hosts' resources added up ({@link ClusterResources#describe()}), once read; empty before. */
    public ReadOnlyStringProperty togetherProperty() {
        return together.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Checks the hosts unless they were checked for these very hosts already. */
    public void refresh() {
        if (!model.hostsProperty().get().equals(ranFor) || hosts.get().isEmpty()) {
            refreshAll();
        }
    }

    /** Checks every host again, from scratch. */
    public void refreshAll() {
        Answers draft = model.answers();
        List<HostAnswers> toCheck = draft.hosts();
        ranFor = toCheck;
        String dataRoot = draft.storage() == null ? "/" : draft.storage().dataRoot();
        List<HostResult> waiting = toCheck.stream().map(h -> new HostResult(h.name(), TargetSession.describe(h.target()),
                List.of(), "", "")).toList();
        hosts.set(waiting);
        resources.set(Map.of());
        together.set("");
        if (toCheck.isEmpty()) {
            slot.cancel();
            running.set(false);
            return;
        }
        running.set(true);
        slot.replace(BackgroundTask.of("Check " + toCheck.size() + " machines", p -> run(toCheck, dataRoot, p))
                .onSuccess(this::show)
                .onFailure(e -> {
                    ranFor = List.of();
                    together.set("The checks stopped: " + e.getMessage() + ". Run them again.");
                })
                .onFinished(() -> running.set(false)));
    }

    private List<ClusterChecks.HostReport> run(List<HostAnswers> toCheck, String dataRoot, TaskProgress progress)
            throws InterruptedException {
        List<ClusterChecks.HostToCheck> opened = new ArrayList<>();
        try {
            for (HostAnswers h : toCheck) {
                progress.message("Connecting to " + h.name() + "…");
                WizardBackend.Login login = WizardBackend.Login.through(dialogs, h.name());
                try {
                    Target t = backend.open(h.target(), login);
                    opened.add(new ClusterChecks.HostToCheck(h.name(), t, null, dataRoot));
                } catch (TargetException e) {
                    String problem = e.getMessage() + " Fix the connection of " + h.name() + " on the Target page (or the machine) and run "
                            + "the checks again.";
                    progress.ui(() -> replace(h.name(), r -> new HostResult(r.name(), r.description(), r.results(), "", problem)));
                }
            }
            if (opened.isEmpty()) {
                return List.of();
            }
            progress.message("Checking " + opened.size() + " machines at once…");
            try (ClusterChecks checks = new ClusterChecks(opened, Checks.targetOnly());
                 ExecutorService alongside = Executors.newVirtualThreadPerTaskExecutor()) {
                // The hosts report from threads of their own; this task's thread hands their results to the UI, one at a time.
                BlockingQueue<Map.Entry<String, CheckResult>> arrived = new LinkedBlockingQueue<>();
                Future<List<ClusterChecks.HostReport>> done = alongside.submit(
                        () -> checks.run((host, result) -> arrived.add(Map.entry(host, result))));
                try {
                    while (!done.isDone() || !arrived.isEmpty()) {
                        Map.Entry<String, CheckResult> next = arrived.poll(100, TimeUnit.MILLISECONDS);
                        if (next != null) {
                            progress.ui(() -> replace(next.getKey(), r -> r.with(next.getValue())));
                        }
                    }
                    return done.get();
                } catch (InterruptedException e) {
                    checks.cancel();
                    done.cancel(true);
                    throw e;
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            // Closing an SSH session waits for the server: still off the UI thread here.
            opened.forEach(h -> h.target().close());
        }
    }

    private void show(List<ClusterChecks.HostReport> reports) {
        Map<String, HostResources> read = new LinkedHashMap<>();
        for (ClusterChecks.HostReport r : reports) {
            r.resources().ifPresent(res -> read.put(r.name(), res));
            replace(r.name(), h -> new HostResult(h.name(), h.description(), r.results(),
                    r.resources().map(ClusterResources::describe).orElse(""),
                    r.resources().isPresent() ? h.problem() : r.resourcesProblem()));
        }
        resources.set(Map.copyOf(read));
        together.set(read.isEmpty() ? "" : ClusterChecks.sum(reports).describe());
    }

    private void replace(String host, java.util.function.UnaryOperator<HostResult> change) {
        hosts.set(hosts.get().stream().map(h -> h.name().equals(host) ? change.apply(h) : h).toList());
    }

    @Override
    public void close() {
        slot.cancel();
    }
}

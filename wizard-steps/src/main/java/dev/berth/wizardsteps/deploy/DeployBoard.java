package dev.berth.wizardsteps.deploy;

import dev.berth.engine.check.Status;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.DeployProgress;
import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.deploy.DeploymentEvent;
import dev.berth.engine.deploy.Job;
import dev.berth.engine.deploy.PullImagesJob;
import dev.berth.engine.health.ServiceHealth;
import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.WiringResult;
import dev.berth.plan.PlannedService;
import dev.berth.wizardsteps.core.LinksTally;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Deploy page shows, kept up to date from the deploy's progress: a row per step (with
 * its undo during a rollback), a bar per image, a row per service, and the preflight's warnings.
 * UI thread only; the progress arrives here in batches.
 */
public final class DeployBoard {
    private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
    private final ObservableList<ImageRow> images = FXCollections.observableArrayList();
    private final ObservableList<ServiceRow> services = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final Map<Job, JobRow> byJob = new IdentityHashMap<>();
    private final Map<String, ImageRow> byImage = new HashMap<>();
    private final Map<String, ServiceRow> byService = new HashMap<>();
    /** The step under way, which the wiring's per-app lines belong to; null between steps. */
    private JobRow running;
    /** The step that reported wiring progress: at the end it says how the links came out. */
    private JobRow wiringRow;

    public ObservableList<JobRow> jobs() {
        return jobs;
    }

    public ObservableList<ImageRow> images() {
        return images;
    }

    public ObservableList<ServiceRow> services() {
        return services;
    }

    /** "Ports: 8096 is in use" and the like, from the check the deploy runs first. */
    public ObservableList<String> warnings() {
        return warnings;
    }

    /** Sets out the rows for a deploy about to run. */
    void start(DeployPreview preview) {
        byJob.clear();
        running = null;
        wiringRow = null;
        byImage.clear();
        byService.clear();
        warnings.clear();
        for (Job job : preview.jobs()) {
            byJob.put(job, new JobRow(job.description()));
        }
        PullImagesJob.images(preview.plan()).forEach(image -> byImage.put(image, new ImageRow(image)));
        jobs.setAll(preview.jobs().stream().map(byJob::get).toList());
        images.setAll(byImage.values().stream().sorted(java.util.Comparator.comparing(ImageRow::image)).toList());
        for (PlannedService s : preview.plan().services()) {
            byService.put(s.name(), new ServiceRow(s.name(), s.definition().name()));
        }
        services.setAll(preview.plan().services().stream().map(s -> byService.get(s.name())).toList());
    }

    void applyAll(List<DeployProgress> batch) {
        batch.forEach(this::apply);
    }

    void apply(DeployProgress progress) {
        switch (progress) {
            case DeployProgress.Step s -> step(s.event());
            case DeployProgress.Checked c -> {
                if (c.result().status() == Status.FAIL || c.result().status() == Status.WARN) {
                    warnings.add(c.result().title() + ": " + c.result().summary());
                }
            }
            case DeployProgress.Pull p -> {
                ImageRow row = byImage.get(p.progress().image());
                if (row != null) {
                    row.update(p.progress());
                }
            }
            case DeployProgress.Health h -> health(h.health());
            case DeployProgress.Wiring w -> wiring(w.progress().app(), w.progress().done(), w.progress().links());
        }
    }

    /**
     * The wiring's report of one app ({@code DeployProgress.Wiring}): "Connecting Sonarr…" while
     * it runs, then how its links came out, under the wiring step's row. Ignored between steps.
     *
     * @param links empty until {@code done}
     */
    void wiring(String app, boolean done, List<Link> links) {
        if (running != null) {
            wiringRow = running;
            running.note(!done ? "Connecting " + app + "…"
                    : links.isEmpty() ? app + ": done"
                    : app + ": " + LinksTally.of(new WiringResult(links, 0, List.of())).sentence().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * The deploy ended: each service as the report has it, with the last log lines of those that did
     * not come up, and how the wiring's links came out.
     */
    void finish(DeployOutcome outcome) {
        // The wiring step succeeds whatever the apps said: its row says how the links came out.
        outcome.wiring().filter(w -> wiringRow != null).ifPresent(w -> wiringRow.note(LinksTally.of(w).sentence()));
        outcome.report().ifPresent(report -> {
            for (DeployReport.ServiceReport r : report.services()) {
                ServiceRow row = byService.get(r.service());
                if (row != null) {
                    row.finish(r.state(), r.detail(), r.logTail(), r.up());
                }
            }
        });
    }

    private void step(DeploymentEvent e) {
        JobRow row = byJob.get(e.job());
        if (row == null) {
            return;
        }
        switch (e) {
            case DeploymentEvent.Started s -> {
                row.set(JobRow.Status.RUNNING, null);
                running = row;
            }
            case DeploymentEvent.Finished f -> row.set(JobRow.Status.DONE, null);
            case DeploymentEvent.Failed f -> row.set(JobRow.Status.FAILED, f.message());
            case DeploymentEvent.Undone u -> row.set(row.status() == JobRow.Status.FAILED ? JobRow.Status.FAILED : JobRow.Status.UNDONE, null);
            case DeploymentEvent.UndoFailed u -> row.set(JobRow.Status.UNDO_FAILED, u.message());
        }
        if (!(e instanceof DeploymentEvent.Started)) {
            running = null;
        }
    }

    private void health(ServiceHealth h) {
        ServiceRow row = byService.get(h.service());
        if (row != null) {
            row.update(h.state(), h.detail(), h.answers());
        }
    }
}

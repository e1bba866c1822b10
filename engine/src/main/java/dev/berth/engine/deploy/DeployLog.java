package dev.berth.engine.deploy;

import dev.berth.engine.stack.FileChange;
import dev.berth.engine.stack.Owner;
import dev.berth.engine.stack.StackPaths;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

/**
 * What a deploy did, line by line, for {@code .berth/deploy.log} in the stack folder: when it ran,
 * what changed, each job's start, end or failure, the rollback, each service's end state and the
 * last log lines of each service that did not come up. Every line passes through a
 * {@link Redactor}, since an exception message may quote a file or a command line that held a
 * secret. A deploy that leaves no Berth stack behind writes the same lines to this computer
 * instead ({@link #writeLocal}).
 */
final class DeployLog {
    static final String PATH = ".berth/deploy.log";

    private final Clock clock;
    private final Redactor redactor;
    private final StringBuilder lines = new StringBuilder();

    DeployLog(Clock clock, Collection<String> secrets) {
        this.clock = clock;
        this.redactor = new Redactor(secrets);
    }

    void started(DeployPreview preview, String where) {
        line("deploy of " + preview.plan().projectName() + " to " + preview.stackDir() + " on " + where
                + (preview.firstInstall() ? " (first install)" : " (update)"));
        for (FileChange c : preview.diff().changed()) {
            line("  " + c.summary());
        }
    }

    synchronized void event(DeploymentEvent event) {
        switch (event) {
            case DeploymentEvent.Started s -> line("[" + (s.index() + 1) + "/" + s.total() + "] " + s.job().description());
            case DeploymentEvent.Finished f -> line("  done");
            case DeploymentEvent.Failed f -> line("  FAILED: " + f.message());
            case DeploymentEvent.Undone u -> line("undone: " + u.job().description());
            case DeploymentEvent.UndoFailed u -> line("UNDO FAILED: " + u.job().description() + ": " + u.message());
        }
    }

    synchronized void finished(DeployOutcome outcome) {
        switch (outcome.result()) {
            case DeploymentResult.Succeeded s -> line("result: succeeded");
            case DeploymentResult.RolledBack r -> line("result: rolled back after \"" + r.failedJob().description() + "\""
                    + (r.undoErrors().isEmpty() ? "" : ", " + r.undoErrors().size() + " step(s) could not be undone"));
            case DeploymentResult.Cancelled c -> line(c.undoErrors().isEmpty() ? "result: cancelled and rolled back"
                    : "result: cancelled, " + c.undoErrors().size() + " step(s) not undone");
        }
        outcome.report().ifPresent(report -> report.services().forEach(s -> {
            line("  " + s.service() + ": " + s.state().name().toLowerCase() + (s.detail().isBlank() ? "" : " (" + s.detail() + ")"));
            // Its container may be gone after the rollback: these lines are all that is left of it.
            s.logTail().forEach(l -> line("    | " + l));
        }));
        outcome.backupDir().ifPresent(b -> line("previous files backed up to " + b));
        // The apps' own words may quote what they were sent: through the redactor like every line.
        outcome.wiring().ifPresent(w -> w.links().forEach(l -> line("  link " + l.label() + ": "
                + l.status().name().toLowerCase().replace('_', ' ') + (l.detail().isBlank() ? "" : " (" + l.detail() + ")"))));
        // The password a first deploy shows is a secret of the plan: the redactor keeps it out.
        outcome.backup().ifPresent(b -> line("  backup to " + b.repository() + ", " + b.schedule() + ": "
                + (b.ready() ? "ready" : "needs attention") + (b.message().isBlank() ? "" : " (" + b.message() + ")")));
        outcome.vpn().ifPresent(vpn -> {
            vpn.checks().forEach(c -> line("  vpn " + c.service() + " " + c.kind().title() + ": "
                    + c.verdict().name().toLowerCase() + (c.detail().isBlank() ? "" : " (" + c.detail() + ")")));
            if (!vpn.stopped().isEmpty()) {
                line("  vpn leak: stopped " + String.join(", ", vpn.stopped()));
            }
        });
    }

    synchronized String text() {
        return lines.toString();
    }

    /**
     * Adds this deploy's lines to the log on the target. A log that cannot be written (the disk the
     * deploy just found full, a cut connection) does not change the deploy's outcome, which the
     * person sees on screen either way.
     */
    Optional<DeployLogFile> appendTo(Target target, String stackDir, Optional<Owner> owner) {
        String path = StackPaths.join(stackDir, PATH);
        String folder = StackPaths.join(stackDir, ".berth");
        try {
            if (target.files().stat(folder).isEmpty()) {
                target.files().mkdirs(folder);
                if (owner.isPresent()) {
                    // Like every folder Berth makes in the stack: the stack's user may work in it.
                    target.files().chown(folder, owner.get().uid(), owner.get().gid());
                }
            }
            byte[] old = target.files().stat(path).isPresent() ? target.files().read(path) : new byte[0];
            byte[] add = text().getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[old.length + add.length];
            System.arraycopy(old, 0, all, 0, old.length);
            System.arraycopy(add, 0, all, old.length, add.length);
            target.files().writeAtomic(path, all, 0600);
            return Optional.of(new DeployLogFile(path, target.description(), true));
        } catch (TargetException | RuntimeException e) {
            // See above: best effort.
            return Optional.empty();
        }
    }

    /**
     * Writes this deploy's lines to a file of its own on this computer, for a deploy that leaves
     * no Berth stack behind: nothing is written on the target, so a first install that changed
     * nothing leaves nothing there, and the next run's checks see the target as it was. Best
     * effort, as {@link #appendTo}.
     */
    Optional<DeployLogFile> writeLocal(Path folder, String project) {
        Path file = LocalDeployLogs.file(folder, project, clock.instant()).toAbsolutePath();
        try {
            LocalDeployLogs.append(file, text());
            return Optional.of(new DeployLogFile(file.toString(), "this computer", false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void line(String text) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        lines.append(now).append(' ').append(redactor.redact(text)).append('\n');
    }
}

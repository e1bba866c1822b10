package dev.berth.engine.deploy;

import dev.berth.engine.stack.DeploymentEvent;
import dev.berth.engine.stack.DeploymentResult;
import dev.berth.engine.stack.FileChange;
import dev.berth.engine.stack.StackPaths;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * What a deploy did, line by line, for {@code .berth/deploy.log} in the stack folder: when it ran,
 * what changed, each job's start, end or failure, the rollback, and each service's end state.
 * Every line passes through a {@link Redactor}, since an exception message may quote a file or a
 * command line that held a secret.
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
        outcome.report().ifPresent(report -> report.services().forEach(s -> line("  " + s.service() + ": "
                + s.state().name().toLowerCase() + (s.detail().isBlank() ? "" : " (" + s.detail() + ")"))));
        outcome.backupDir().ifPresent(b -> line("previous files backed up to " + b));
    }

    synchronized String text() {
        return lines.toString();
    }

    /**
     * Adds this deploy's lines to the log on the target. A log that cannot be written (the disk the
     * deploy just found full, a cut connection) does not change the deploy's outcome, which the
     * person sees on screen either way.
     */
    void appendTo(Target target, String stackDir) {
        String path = StackPaths.join(stackDir, PATH);
        try {
            target.files().mkdirs(StackPaths.join(stackDir, ".berth"));
            byte[] old = target.files().stat(path).isPresent() ? target.files().read(path) : new byte[0];
            byte[] add = text().getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[old.length + add.length];
            System.arraycopy(old, 0, all, 0, old.length);
            System.arraycopy(add, 0, all, old.length, add.length);
            target.files().writeAtomic(path, all, 0600);
        } catch (TargetException | RuntimeException e) {
            // See above: best effort.
        }
    }

    private void line(String text) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        lines.append(now).append(' ').append(redactor.redact(text)).append('\n');
    }
}

package dev.berth.engine.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Runs jobs in order against a target. When one fails (or the person cancels), the jobs already
 * started are undone in reverse order, so the stack folder and containers are as they were.
 * Runs on the caller's thread; {@link #cancel()} may be called from any thread. Each job starting,
 * finishing, failing or being undone is reported as a {@link DeployProgress.Step} to the context's
 * progress listener, the one the run was given.
 */
public final class Deployment {
    private final List<Job> jobs;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    public Deployment(List<Job> jobs) {
        this.jobs = List.copyOf(jobs);
    }

    public List<Job> jobs() {
        return jobs;
    }

    /**
     * Rolls back what was done: a running job stops when it next checks {@link JobContext#cancelled()}
     * (its programs, run through {@code Target.exec(argv, timeout, cancelled)}, are stopped at once),
     * or else finishes, and no further job starts.
     */
    public void cancel() {
        cancelRequested.set(true);
    }

    public DeploymentResult run(JobContext context) {
        return run(context, () -> false);
    }

    /**
     * @param stopUndoing asked between undo steps (and by the undo step's programs) once a rollback
     *                    runs: when it says yes, the undo step under way is stopped and the steps
     *                    not undone yet are left as they are, each reported as an {@link DeploymentResult.UndoError};
     *                    for a person who would rather have a half-done stack now than wait
     */
    public DeploymentResult run(JobContext context, BooleanSupplier stopUndoing) {
        JobContext ctx = context.withCancel(() -> cancelRequested.get() || context.cancelled());
        // The undo runs because of a cancel, so it must not look at the cancel: only at stopUndoing.
        JobContext undo = context.withCancel(stopUndoing);
        List<Job> started = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (ctx.cancelled()) {
                return new DeploymentResult.Cancelled(rollBack(started, undo));
            }
            Job job = jobs.get(i);
            started.add(job);
            publish(ctx, new DeploymentEvent.Started(job, i, jobs.size()));
            try {
                job.execute(ctx);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (ctx.cancelled()) {
                    // The job stopped because the person asked (its program was stopped, or it saw the
                    // cancel itself): that is a cancel, not a failure.
                    return new DeploymentResult.Cancelled(rollBack(started, undo));
                }
                publish(ctx, new DeploymentEvent.Failed(job, message(e)));
                return new DeploymentResult.RolledBack(job, e, rollBack(started, undo));
            }
            publish(ctx, new DeploymentEvent.Finished(job));
        }
        return new DeploymentResult.Succeeded(jobs);
    }

    /** Undoes in reverse; a failing undo is recorded and the rollback goes on, so as much as possible is put back. */
    private List<DeploymentResult.UndoError> rollBack(List<Job> started, JobContext ctx) {
        List<DeploymentResult.UndoError> errors = new ArrayList<>();
        for (Job job : started.reversed()) {
            if (ctx.cancelled()) {
                Exception left = new java.util.concurrent.CancellationException("not undone: you stopped the undo");
                errors.add(new DeploymentResult.UndoError(job, left));
                publish(ctx, new DeploymentEvent.UndoFailed(job, left.getMessage()));
                continue;
            }
            try {
                job.undo(ctx);
                publish(ctx, new DeploymentEvent.Undone(job));
            } catch (Exception e) {
                errors.add(new DeploymentResult.UndoError(job, e));
                publish(ctx, new DeploymentEvent.UndoFailed(job, message(e)));
            }
        }
        return errors;
    }

    /** {@link JobContext#publish} ignores a listener that throws: a broken display must not stop a deploy, and above all not a rollback. */
    private static void publish(JobContext ctx, DeploymentEvent event) {
        ctx.publish(new DeployProgress.Step(event));
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

package dev.berth.engine.deploy;

import java.util.List;

/** How a deployment ended. */
public sealed interface DeploymentResult {
    /** A job whose undo failed, and why: the person must be told what may be left half-done. */
    record UndoError(Job job, Exception cause) {
    }

    /** Every job ran. */
    record Succeeded(List<Job> jobs) implements DeploymentResult {
        public Succeeded {
            jobs = List.copyOf(jobs);
        }
    }

    /**
     * A job failed, and the jobs before it (and it) were undone in reverse order.
     *
     * @param undoErrors empty when everything was put back
     */
    record RolledBack(Job failedJob, Exception cause, List<UndoError> undoErrors) implements DeploymentResult {
        public RolledBack {
            undoErrors = List.copyOf(undoErrors);
        }
    }

    /**
     * The person cancelled; the jobs done so far were undone in reverse order. A separate case
     * from {@link RolledBack} because nothing failed: the screen says "cancelled", not an error.
     */
    record Cancelled(List<UndoError> undoErrors) implements DeploymentResult {
        public Cancelled {
            undoErrors = List.copyOf(undoErrors);
        }
    }
}

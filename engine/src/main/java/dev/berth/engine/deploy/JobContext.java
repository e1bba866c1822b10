package dev.berth.engine.deploy;

import dev.berth.engine.target.Target;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a running job may use, all given when the deploy runs (never when the job is made): the
 * machine, the clock (injected so backups get predictable names in tests), whether the person asked
 * to cancel (a long job such as an image pull checks it between steps), where to report progress
 * (checks done, bytes pulled, each service's health) and where to record what it found out for the
 * end of the deploy ({@link JobOutcomes}).
 *
 * @param progress the deploy's listener, the one given to {@link StackDeployer#deploy}; jobs go
 *                 through {@link #publish}, which keeps a broken display from stopping a deploy
 */
public record JobContext(Target target, Clock clock, BooleanSupplier cancelRequested, Consumer<DeployProgress> progress,
                         JobOutcomes outcomes) {
    /** Nothing cancels; progress goes nowhere; outcomes are kept in a fresh collector. */
    public JobContext(Target target, Clock clock) {
        this(target, clock, () -> false);
    }

    public JobContext(Target target, Clock clock, BooleanSupplier cancelRequested) {
        this(target, clock, cancelRequested, progress -> { }, new JobOutcomes());
    }

    public boolean cancelled() {
        return cancelRequested.getAsBoolean();
    }

    /** Passes progress on; a listener that throws is ignored, as a broken progress display must not stop a deploy (or a rollback). */
    public void publish(DeployProgress p) {
        try {
            progress.accept(p);
        } catch (RuntimeException ignored) {
            // see above
        }
    }

    /** Records a result for the end of the deploy; see {@link JobOutcomes}. */
    public <T> void record(JobOutcomes.Key<T> key, T value) {
        outcomes.record(key, value);
    }

    /** The same context, reporting progress to {@code listener}. */
    public JobContext withProgress(Consumer<DeployProgress> listener) {
        return new JobContext(target, clock, cancelRequested, listener, outcomes);
    }

    /** The same context, with another answer to "cancel?" (a rollback asks "stop undoing?" instead). */
    JobContext withCancel(BooleanSupplier cancel) {
        return new JobContext(target, clock, cancel, progress, outcomes);
    }
}

package dev.berth.engine.deploy;

import dev.berth.engine.target.Target;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * What a running job may use: the machine, the clock (injected so backups get predictable names
 * in tests), and whether the person asked to cancel (a long job such as an image pull checks it
 * between steps).
 */
public record JobContext(Target target, Clock clock, BooleanSupplier cancelRequested) {
    public JobContext(Target target, Clock clock) {
        this(target, clock, () -> false);
    }

    public boolean cancelled() {
        return cancelRequested.getAsBoolean();
    }
}

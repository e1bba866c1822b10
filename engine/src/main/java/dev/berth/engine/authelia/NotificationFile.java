package dev.berth.engine.authelia;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import java.util.Optional;

/**
 * Authelia's notification file on the target ({@code <config>/authelia/notification.txt}), where
 * it writes the one-time links it would have e-mailed when no mail server is set.
 */
public final class NotificationFile {
    private NotificationFile() {
    }

    /** The newest one-time link in the stack's notification file; empty when there is none yet. */
    public static Optional<OneTimeLink> newest(Target target, StackPlan plan) throws TargetException {
        throw new UnsupportedOperationException("the notification file is not read yet");
    }
}

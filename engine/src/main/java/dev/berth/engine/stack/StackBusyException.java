package dev.berth.engine.stack;

import java.util.Optional;

/** Another deploy of the same stack is under way, or changed it since the preview; nothing was changed. */
public final class StackBusyException extends Exception {
    private final transient LockHolder holder;

    public StackBusyException(String stackDir, String where, Optional<LockHolder> holder) {
        this(holder, holder.map(LockHolder::describe).orElse("Another Berth has just started deploying this stack")
                + " (" + stackDir + " on " + where + "). Wait until it has finished, or stop it there, then deploy again."
                + " The lock frees itself as soon as that Berth ends, even if it is killed or its connection drops.");
    }

    private StackBusyException(Optional<LockHolder> holder, String message) {
        super(message);
        this.holder = holder.orElse(null);
    }

    /** The lock was free, but the folder is no longer what the preview read: a deploy ran in between. */
    public static StackBusyException changedSincePreview(String stackDir, String where) {
        return new StackBusyException(Optional.empty(), "The stack " + stackDir + " on " + where + " changed since Berth worked out"
                + " what to do (another deploy ran in the meantime). Nothing was changed: look at the changes again"
                + " (Review, or berth diff) and deploy then.");
    }

    /** Who holds the lock, when it had already said so. */
    public Optional<LockHolder> holder() {
        return Optional.ofNullable(holder);
    }
}

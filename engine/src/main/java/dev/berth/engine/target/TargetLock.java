package dev.berth.engine.target;

/** A lock held on a target (see {@link Target#tryLock}); closing it frees the lock. */
public interface TargetLock extends AutoCloseable {
    /** Frees the lock; nothing when it is already free (its process or connection ended). */
    @Override
    void close();
}

package dev.berth.engine.stack;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.target.TargetLock;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One deploy of a stack at a time: a kernel lock on the target (see {@link Target#tryLock}), held
 * by a process that ends with the Berth that took it, and a small holder file saying who and
 * since when, for the one who is refused.
 *
 * <p>Both live beside the stack folder, as {@code .<name>.berth-lock} and
 * {@code .<name>.berth-lock.holder} in its parent, not inside it: a first install that stops
 * before writing anything leaves no stack folder at all, and the lock must exist before the
 * folder does. The lock file stays (removing a lock file others may have open would let two
 * deploys hold "the" lock on two different files); the holder file is removed on release.
 *
 * <p>When the parent folder is not writable for the target's user (an admin made
 * {@code /opt/berth} for user {@code media}, who may not write in {@code /opt}), the lock goes
 * into the stack folder instead, as {@code .berth-lock}. Every deploy then picks the same place:
 * the folder exists for all of them, and a first install, which would have to create the folder
 * in that parent, cannot start there at all.
 */
public final class StackLock implements AutoCloseable {
    private static final String HOLDER = ".holder";
    /** The lock's name inside the stack folder, when it cannot be beside it. */
    static final String INSIDE = ".berth-lock";

    private final Target target;
    private final String stackDir;
    private final String lockPath;
    private final TargetLock lock;

    private StackLock(Target target, String stackDir, String lockPath, TargetLock lock) {
        this.target = target;
        this.stackDir = stackDir;
        this.lockPath = lockPath;
        this.lock = lock;
    }

    /**
     * Takes the stack's lock, or says who has it.
     *
     * @throws StackBusyException when another deploy holds it
     */
    public static StackLock acquire(Target target, String stackDir, LockHolder me) throws TargetException, StackBusyException {
        String dir = trimmed(stackDir);
        String path = lockPath(dir);
        Optional<TargetLock> lock;
        try {
            target.files().mkdirs(parent(dir));
            lock = target.tryLock(path);
        } catch (TargetException besideNotWritable) {
            if (target.files().stat(dir).filter(s -> s.directory()).isEmpty()) {
                throw besideNotWritable;
            }
            path = StackPaths.join(dir, INSIDE);
            lock = target.tryLock(path);
        }
        if (lock.isEmpty()) {
            throw new StackBusyException(dir, target.description(), holder(target, path));
        }
        StackLock held = new StackLock(target, dir, path, lock.get());
        try {
            target.files().writeAtomic(path + HOLDER, me.toText().getBytes(StandardCharsets.UTF_8), 0644);
        } catch (TargetException | RuntimeException e) {
            held.close();
            throw e;
        }
        return held;
    }

    /** Who holds the lock now, as its holder file says; empty when it has not said yet. */
    private static Optional<LockHolder> holder(Target target, String lockPath) {
        try {
            String path = lockPath + HOLDER;
            if (target.files().stat(path).isEmpty()) {
                return Optional.empty();
            }
            return LockHolder.parse(new String(target.files().read(path), StandardCharsets.UTF_8));
        } catch (TargetException | RuntimeException e) {
            return Optional.empty(); // removed while reading: its holder just finished
        }
    }

    public String stackDir() {
        return stackDir;
    }

    /** The stack folder this lock is for, in the form {@link #acquire} was given (trailing slash ignored). */
    public boolean covers(String dir) {
        return stackDir.equals(trimmed(dir));
    }

    /** Removes the holder file, then frees the lock (in that order: a new holder's file is never removed). */
    @Override
    public void close() {
        try {
            target.files().deleteFile(lockPath + HOLDER);
        } catch (TargetException | RuntimeException ignored) {
            // a stale holder file is overwritten by the next holder; the lock below is what counts
        }
        lock.close();
    }

    /** Where the lock is, usually: beside the stack folder. */
    public static String lockPath(String stackDir) {
        String dir = trimmed(stackDir);
        return StackPaths.join(parent(dir), "." + name(dir) + ".berth-lock");
    }

    private static String trimmed(String dir) {
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }

    private static String parent(String dir) {
        int slash = dir.lastIndexOf('/');
        return slash <= 0 ? "/" : dir.substring(0, slash);
    }

    private static String name(String dir) {
        return dir.substring(dir.lastIndexOf('/') + 1);
    }
}

package dev.berth.engine.target;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many session channels one SSH connection may have open at once, and the queue for them.
 * OpenSSH counts every session channel (exec, the SFTP subsystem, each Docker dial-stdio) against
 * MaxSessions, 10 unless the server says otherwise, and refuses one more with "no more sessions";
 * port forwardings are not sessions and take no slot. Berth waits here for a slot rather than
 * asking the server and being refused. A server that allows fewer teaches its real limit with its
 * first refusal ({@link #refusedWhileHolding}).
 */
final class SessionSlots {
    /** One below OpenSSH's default MaxSessions (10). */
    static final int DEFAULT_LIMIT = 9;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private int limit;
    private int inUse;
    private boolean closed;

    SessionSlots(int limit) {
        this.limit = limit;
    }

    /**
     * Takes a slot, waiting up to {@code nanos} for one to free up.
     *
     * @return false when none freed up in time, or the connection closed meanwhile
     */
    boolean acquire(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (!closed && inUse >= limit) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            if (closed) {
                return false;
            }
            inUse++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    void release() {
        lock.lock();
        try {
            inUse--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The server refused a session while this caller held a slot (counted in {@link #inUse}). When
     * other sessions were open, the server's limit is lower than assumed: from now on the queue
     * stops at what the server accepted, and the caller waits for a slot again.
     *
     * @return true to queue again; false when nothing else was open, so the server refuses
     *         sessions outright and waiting cannot help
     */
    boolean refusedWhileHolding() {
        lock.lock();
        try {
            int accepted = inUse - 1;
            if (accepted < 1) {
                return false;
            }
            limit = Math.min(limit, accepted);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The connection is gone: whoever waits stops waiting. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }
}

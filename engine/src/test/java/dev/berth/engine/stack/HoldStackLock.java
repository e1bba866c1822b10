package dev.berth.engine.stack;

import dev.berth.engine.target.LocalTarget;
import java.time.Instant;

/**
 * A separate Berth-like process for {@link StackLockTest}: takes a stack's lock on this computer,
 * says "held", and keeps it until it is killed.
 */
public final class HoldStackLock {
    private HoldStackLock() {
    }

    public static void main(String[] args) throws Exception {
        LocalTarget target = new LocalTarget();
        StackLock lock = StackLock.acquire(target, args[0], LockHolder.thisProcess(Instant.now()));
        System.out.println("held " + lock.stackDir());
        System.out.flush();
        Thread.currentThread().join(); // until killed: the lock must die with the process
    }
}

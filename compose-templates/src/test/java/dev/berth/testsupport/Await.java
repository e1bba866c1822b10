package dev.berth.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Waits in tests for something another thread or process does: polls a value until it
 * satisfies a condition, or fails once a generous limit has passed with a message that names
 * what was awaited and the last value seen. Tests use this instead of a fixed sleep before an
 * assert (too short on a busy machine, wasted time on an idle one) and instead of asserting on
 * elapsed time. The limit is only a guard against a hang, never what a test checks: on a busy
 * machine a condition that comes true late still passes.
 */
public final class Await {
    /** Long enough for a slow shared CI machine; a passing test never waits this long. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(60);

    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long LONGEST_PAUSE_MILLIS = 200;

    /** A value to look at; it may throw (the exception is then the "last value seen"). */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    private Await() {
    }

    /** Waits until {@code condition} is true, up to {@link #DEFAULT_LIMIT}. */
    public static void until(String what, Probe<Boolean> condition) {
        until(what, DEFAULT_LIMIT, condition);
    }

    public static void until(String what, Duration limit, Probe<Boolean> condition) {
        until(what, limit, condition, Boolean.TRUE::equals);
    }

    /** Waits until {@code probe}'s value satisfies {@code done}, up to {@link #DEFAULT_LIMIT}, and returns that value. */
    public static <T> T until(String what, Probe<T> probe, Predicate<? super T> done) {
        return until(what, DEFAULT_LIMIT, probe, done);
    }

    public static <T> T until(String what, Duration limit, Probe<T> probe, Predicate<? super T> done) {
        return poll(what, limit, LONGEST_PAUSE_MILLIS, probe, done);
    }

    /**
     * Like {@link #until(String, Probe)}, but never pausing longer than {@code pollEvery}: for a
     * state that lasts only a moment (a write under way), which a slower poll could miss.
     */
    public static void untilEvery(Duration pollEvery, String what, Probe<Boolean> condition) {
        poll(what, DEFAULT_LIMIT, Math.max(1, pollEvery.toMillis()), condition, Boolean.TRUE::equals);
    }

    private static <T> T poll(String what, Duration limit, long longestPauseMillis, Probe<T> probe, Predicate<? super T> done) {
        Objects.requireNonNull(what);
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = Math.min(FIRST_PAUSE_MILLIS, longestPauseMillis);
        Object lastSeen = "nothing yet";
        Exception lastError = null;
        while (true) {
            try {
                T value = probe.get();
                if (done.test(value)) {
                    return value;
                }
                lastSeen = value;
                lastError = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastSeen = e;
                lastError = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                String message = "waited " + describe(limit) + " for " + what + "; last seen: " + lastSeen;
                if (lastError != null) {
                    throw new AssertionError(message, lastError);
                }
                fail(message);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, longestPauseMillis);
        }
    }

    private static String describe(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}

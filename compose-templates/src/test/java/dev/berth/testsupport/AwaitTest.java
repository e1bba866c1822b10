package dev.berth.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {
    @Test
    void returnsTheFirstValueThatSatisfiesTheCondition() {
        AtomicInteger polls = new AtomicInteger();
        int seen = Await.until("the third poll", polls::incrementAndGet, n -> n >= 3);
        assertEquals(3, seen);
        assertEquals(3, polls.get(), "no poll after the condition held");
    }

    @Test
    void aConditionAlreadyTrueReturnsAtOnce() {
        AtomicInteger polls = new AtomicInteger();
        Await.until("true", () -> polls.incrementAndGet() > 0);
        assertEquals(1, polls.get());
    }

    @Test
    void failingNamesWhatWasAwaitedAndTheLastValueSeen() {
        AtomicInteger polls = new AtomicInteger();
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.until("the count to reach -1", Duration.ofMillis(50), polls::incrementAndGet, n -> n < 0));
        assertEquals("waited 50 ms for the count to reach -1; last seen: " + polls.get(), e.getMessage());
        assertTrue(polls.get() > 1, "it polled again before giving up: " + polls.get());
    }

    @Test
    void aProbeThatThrowsIsPolledAgainAndItsLastErrorReported() {
        AtomicInteger polls = new AtomicInteger();
        assertEquals("ready", Await.until("a probe that throws twice", () -> {
            if (polls.incrementAndGet() < 3) {
                throw new IOException("not yet");
            }
            return "ready";
        }, "ready"::equals));

        IOException never = new IOException("never ready");
        AssertionError e = assertThrows(AssertionError.class, () -> Await.until("a probe that always throws",
                Duration.ofSeconds(0), () -> {
                    throw never;
                }));
        assertEquals("waited 0 s for a probe that always throws; last seen: " + never, e.getMessage());
        assertSame(never, e.getCause());
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        Thread.currentThread().interrupt();
        try {
            AssertionError e = assertThrows(AssertionError.class, () -> Await.until("something that never happens", () -> false));
            assertEquals("interrupted while waiting for something that never happens", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}

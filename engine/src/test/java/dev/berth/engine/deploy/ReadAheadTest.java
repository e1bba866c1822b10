package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.engine.target.TargetException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The preview's reads on threads of their own fail as they would have failed on the caller's. */
class ReadAheadTest {
    @Test
    void aFailedReadIsThrownAsTheReadThrewIt() {
        TargetException refused = new TargetException(TargetException.Reason.OTHER, "Docker Compose is not installed");
        ReadAhead<String> ahead = ReadAhead.start("test-read", () -> {
            throw refused;
        });
        assertSame(refused, assertThrows(TargetException.class, ahead::get));

        IllegalStateException broken = new IllegalStateException("broken settings file");
        ReadAhead<String> crashed = ReadAhead.start("test-read", () -> {
            throw broken;
        });
        assertSame(broken, assertThrows(IllegalStateException.class, crashed::get));
    }

    @Test
    void settleWaitsForTheReadAndDropsItsFailure() {
        CountDownLatch release = new CountDownLatch(1);
        ReadAhead<String> ahead = ReadAhead.start("test-read", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new TargetException(TargetException.Reason.OTHER, "gone");
        });
        release.countDown();
        // The preview's own failure is the one reported, so this one must not surface.
        assertDoesNotThrow(ahead::settle);
        assertEquals("compose", assertDoesNotThrow(() -> ReadAhead.start("test-read", () -> "compose").get()));
    }
}

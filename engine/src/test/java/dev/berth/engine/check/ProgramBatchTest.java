package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramBatchTest {
    @Test
    void eachProgramKeepsItsOwnOutputAndStatus() throws Exception {
        List<String> printf = List.of("printf", "no newline at the end, it's '%s'", "quoted");
        List<String> fails = List.of("sh", "-c", "echo why >&2; exit 3");
        List<String> missing = List.of("no-such-program-berth");
        List<String> lines = List.of("printf", "a\\n\\nb\\n");
        try (LocalTarget t = new LocalTarget()) {
            long before = FactGatherer.nowNanos();
            ProgramBatch b = ProgramBatch.run(t, List.of(printf, fails, missing, lines), Duration.ofSeconds(10));
            assertEquals("no newline at the end, it's 'quoted'", b.output(printf));
            TargetException e = assertThrows(TargetException.class, () -> b.output(fails));
            assertEquals("sh -c echo why >&2; exit 3 failed: why", e.getMessage());
            assertTrue(assertThrows(TargetException.class, () -> b.output(missing)).getMessage()
                    .startsWith("no-such-program-berth failed: "));
            assertEquals("a\n\nb", b.output(lines));
            assertTrue(before <= b.startedNanos() && b.startedNanos() <= b.endedNanos());
        }
    }

    @Test
    void aBatchPastItsLimitSaysSo() {
        try (LocalTarget t = new LocalTarget()) {
            TargetException e = assertThrows(TargetException.class,
                    () -> ProgramBatch.run(t, List.of(List.of("sleep", "30")), Duration.ofMillis(300)));
            assertEquals(TargetException.Reason.TIMEOUT, e.reason());
        }
    }
}

package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import org.junit.jupiter.api.Test;

class CheckClockTest {
    private static final long S = 1_000_000_000L;

    private static CheckResult withOffset(LocalTarget t, long offsetNanos) throws Exception {
        long now = FactGatherer.nowNanos();
        var sample = new TargetFacts.ClockSample(now + offsetNanos + S / 100, now, now + S / 50);
        return new ClockCheck().run(new CheckContext(t, null,
                CheckFixtures.facts("amd64", 8L << 30, 1000, "media", "UTC", null, sample)));
    }

    @Test
    void thisComputerAgreesWithItself() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            CheckResult r = new ClockCheck().run(CheckFixtures.local(t, null));
            assertEquals(Status.PASS, r.status(), r.toString());
            assertTrue(r.summary().matches("The clocks agree \\(\\d+ ms apart\\)"), r.summary());
            assertTrue(r.details().startsWith("Measured to within ±"), r.details());
        }
    }

    @Test
    void aMinuteOffWarnsAndMinutesOffFail() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            CheckResult warn = withOffset(t, 45 * S);
            assertEquals(Status.WARN, warn.status());
            assertEquals("The clock on this computer is 45.0 s ahead of this computer: two-factor codes may be refused",
                    warn.summary());
            assertEquals("Turn on time synchronisation on the target: sudo timedatectl set-ntp true", warn.fix());

            CheckResult fail = withOffset(t, -180 * S);
            assertEquals(Status.FAIL, fail.status());
            assertEquals("The clock on this computer is 180.0 s behind this computer: two-factor sign-in codes will be refused",
                    fail.summary());
            assertEquals(ClockCheck.FIX, fail.fix());

            CheckResult pass = withOffset(t, 5 * S);
            assertEquals(Status.PASS, pass.status());
            assertEquals("The clocks agree (5.0 s apart)", pass.summary());
            assertTrue(pass.details().endsWith("The target is 5.0 s ahead of this computer."), pass.details());
        }
    }
}

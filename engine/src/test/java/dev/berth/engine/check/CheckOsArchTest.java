package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import org.junit.jupiter.api.Test;

class CheckOsArchTest {
    private static final StackPlan FULL = CheckFixtures.plan("full-wireguard", a -> a);

    @Test
    void everyImageOfTheFullStackRunsHere() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            CheckContext ctx = CheckFixtures.local(t, FULL);
            TargetFacts f = ctx.facts();
            CheckResult r = new OsArchCheck().run(ctx);
            assertEquals(Status.PASS, r.status(), r.toString());
            assertEquals(f.os().prettyName() + " on " + f.machine() + " (" + f.arch() + "): every image is built for " + f.arch(),
                    r.summary());
        }
    }

    @Test
    void imagesWithoutABuildForThisCpuAreNamed() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            CheckResult r = new OsArchCheck().run(new CheckContext(t, FULL, CheckFixtures.facts("arm")));
            assertEquals(Status.FAIL, r.status());
            assertTrue(r.summary().matches("\\d+ image\\(s\\) have no arm build: .*Sonarr.*"), r.summary());
            assertTrue(r.details().contains("Sonarr (lscr.io/linuxserver/sonarr:"), r.details());
            assertTrue(r.fix().startsWith("Remove ") && r.fix().endsWith(" from your apps, or run the stack on a computer with an "
                    + "amd64 or arm64 CPU."), r.fix());
        }
    }

    @Test
    void anUnknownCpuWarns() throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            CheckResult r = new OsArchCheck().run(new CheckContext(t, FULL, CheckFixtures.facts(null)));
            assertEquals(Status.WARN, r.status());
            assertEquals("Debian GNU/Linux 12 (bookworm) on mips: Berth does not know this CPU architecture", r.summary());
        }
    }
}

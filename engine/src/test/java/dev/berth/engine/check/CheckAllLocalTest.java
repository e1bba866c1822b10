package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every check, end to end on this computer, as {@code berth check} runs them; with a timing. */
class CheckAllLocalTest {
    @TempDir
    Path tmp;

    @NeedsDocker
    @Test
    void everyCheckReportsOnceInTableOrder() throws Exception {
        RequiresDocker.engine();
        StackPlan plan = CheckFixtures.withStorage(CheckFixtures.plan("full-wireguard", a -> a),
                s -> CheckFixtures.storage(s, tmp.resolve("stack"), tmp.resolve("data"), tmp.resolve("config"), 1000, 1000));
        List<Long> millis = new ArrayList<>();
        List<CheckResult> results = null;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            // End to end: a fresh target (Docker connection) and runner (facts) every time.
            try (LocalTarget t = new LocalTarget(); CheckRunner runner = new CheckRunner(t, Checks.all())) {
                results = runner.run(plan, r -> { });
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        assertEquals(Checks.all().stream().map(Check::id).toList(), results.stream().map(CheckResult::checkId).toList());
        for (CheckResult r : results) {
            assertFalse(r.summary().isBlank(), r.toString());
            System.out.printf(Locale.ROOT, "%-5s %-14s %s%n", r.status(), r.checkId(), r.summary());
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.println("all checks on this computer, 5 runs (ms): " + millis + ", median " + sorted.get(2));
    }

    @Test
    void withoutAnswersOnlyTheTargetIsChecked() throws Exception {
        try (LocalTarget t = new LocalTarget(); CheckRunner runner = new CheckRunner(t, Checks.targetOnly())) {
            List<CheckResult> results = runner.run(null, r -> { });
            assertEquals(List.of("os-arch", "docker-engine", "compose", "ids-timezone", "clock"),
                    results.stream().map(CheckResult::checkId).toList());
            results.forEach(r -> assertFalse(r.status() == Status.SKIP, r.toString()));
        }
    }
}

package dev.berth.wizardsteps.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.TargetAnswers;
import dev.berth.engine.check.Check;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Status;
import dev.berth.testsupport.Examples;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.collections.MapChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The system checks the wizard's pages share, run for real on this computer (tasks on the test's
 * thread): what a run reports, when it re-runs what, and what a new connection or closing does.
 */
class SystemChecksTest {
    private static final Set<String> STORAGE_CHECKS = Set.of("paths", "hardlinks", "ids-timezone", "project-name");

    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final SystemChecks checks = ctx.checks();
    /** Every result put into the map, by check id, in the order they came. */
    private final List<String> reported = new ArrayList<>();

    SystemChecksTest() {
        checks.results().addListener((MapChangeListener<String, CheckResult>) c -> {
            if (c.wasAdded()) {
                reported.add(c.getKey());
            }
        });
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private static Answers example() {
        Answers a = Examples.answers("minimal-jellyfin");
        assertEquals(TargetAnswers.Kind.LOCAL, a.target().kind());
        return a;
    }

    private List<String> allIds() {
        return checks.checks().stream().map(Check::id).toList();
    }

    @Test
    void theFirstRunConnectsAndReportsEveryCheckOnceWithThePlan() {
        ctx.model().load(example());
        assertTrue(checks.results().isEmpty());
        checks.refresh();
        assertTrue(ctx.target().isConnectedTo(TargetAnswers.LOCAL), "the run followed the connection it asked for");
        assertEquals(new TreeSet<>(allIds()), new TreeSet<>(reported), "each check reported on its own");
        assertEquals(allIds().size(), reported.size(), "and once: " + reported);
        assertTrue(checks.plannedProperty().get());
        assertFalse(checks.runningProperty().get());
        assertTrue(checks.results().values().stream().noneMatch(r -> r.status() == Status.SKIP
                && r.summary().startsWith("Runs once")), "nothing waits for answers: " + checks.results());
    }

    @Test
    void withoutAppsTheStorageChecksStillRunOnStandInApps() {
        ctx.model().load(example().withServices(List.of()));
        checks.refresh();
        assertFalse(checks.plannedProperty().get(), "no apps, no plan");
        for (String id : STORAGE_CHECKS) {
            CheckResult r = checks.result(id).orElseThrow();
            assertNotEquals(Status.SKIP, r.status(), id + " ran on the stand-in apps: " + r);
        }
        CheckResult ports = checks.result("ports").orElseThrow();
        assertEquals(Status.SKIP, ports.status(), "the ports are the chosen apps' own: " + ports);
    }

    @Test
    void anotherRunOnTheSameTargetReRunsOnlyTheChecksWhoseInputsChanged() {
        Answers first = example();
        ctx.model().load(first);
        checks.refresh();
        reported.clear();

        checks.refresh();
        assertEquals(List.of(), reported, "nothing changed, nothing re-runs");

        StorageAnswers s = first.storage();
        ctx.model().load(first.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot() + "-elsewhere", s.configRoot(),
                s.puid(), s.pgid(), s.timeZone(), s.hardwareTranscoding())));
        checks.refresh();
        assertTrue(reported.containsAll(List.of("paths", "hardlinks")), "the checks of the data folder re-ran: " + reported);
        assertFalse(reported.contains("os-arch") || reported.contains("docker-engine") || reported.contains("clock"),
                "checks that do not read the answers keep their result: " + reported);
    }

    @Test
    void runAgainAndANewConnectionRunEveryCheckAfresh() {
        ctx.model().load(example());
        checks.refresh();
        reported.clear();
        checks.refreshAll();
        assertEquals(new TreeSet<>(allIds()), new TreeSet<>(reported), "Run again: every check");

        reported.clear();
        ctx.target().connect(TargetAnswers.LOCAL);
        assertEquals(new TreeSet<>(allIds()), new TreeSet<>(reported), "a new connection: every check");
        assertEquals(allIds().size(), checks.results().size());
    }

    @Test
    void afterCloseANewConnectionRunsNothing() {
        ctx.model().load(example());
        checks.refresh();
        checks.close();
        reported.clear();
        ctx.target().connect(TargetAnswers.LOCAL);
        assertTrue(checks.results().isEmpty(), "the old results went with the old connection");
        assertEquals(List.of(), reported, "and no new run started");
        assertFalse(checks.runningProperty().get());
    }
}

package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {
    private static final StackPlan PLAN = CheckFixtures.plan("minimal-jellyfin", a -> a);

    /** What a test check does while it runs: wait as told (interruptibly). */
    @FunctionalInterface
    interface Work {
        void run() throws InterruptedException;

        static Work sleep(long millis) {
            return () -> Thread.sleep(millis);
        }
    }

    /** A check that counts its runs, works as told, and reads the answer it depends on. */
    static final class TestCheck implements Check {
        final String id;
        final Work work;
        final Function<CheckInputs, Object> inputs;
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch interrupted = new CountDownLatch(1);
        final List<TargetFacts> factsSeen = new CopyOnWriteArrayList<>();

        TestCheck(String id, long sleepMillis, Function<CheckInputs, Object> inputs) {
            this(id, Work.sleep(sleepMillis), inputs);
        }

        TestCheck(String id, Work work, Function<CheckInputs, Object> inputs) {
            this.id = id;
            this.work = work;
            this.inputs = inputs;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return "Test " + id;
        }

        @Override
        public Object inputs(CheckInputs in) {
            return inputs.apply(in);
        }

        @Override
        public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
            runs.incrementAndGet();
            factsSeen.add(ctx.facts());
            try {
                work.run();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            if (id.equals("broken")) {
                throw new TargetException(TargetException.Reason.OTHER, "the target went away");
            }
            return CheckResult.pass(this, id + " done", "");
        }
    }

    private static Function<CheckInputs, Object> dataRoot() {
        return in -> in.answers().map(a -> a.storage().dataRoot()).orElse(null);
    }

    @Test
    void streamsResultsAsTheyFinishAndReturnsThemInListOrder() throws Exception {
        // The slow check finishes only once the fast one's result has reached the listener: the
        // fast one is streamed while the slow one still runs, however busy the machine is.
        CountDownLatch fastReported = new CountDownLatch(1);
        TestCheck slow = new TestCheck("slow", fastReported::await, dataRoot());
        TestCheck fast = new TestCheck("fast", 0, dataRoot());
        List<String> streamed = new CopyOnWriteArrayList<>();
        try (LocalTarget t = new LocalTarget(); CheckRunner runner = new CheckRunner(t, List.of(slow, fast))) {
            List<CheckResult> results = runner.run(PLAN, r -> {
                streamed.add(r.checkId());
                if (r.checkId().equals("fast")) {
                    fastReported.countDown();
                }
            });
            assertEquals(List.of("fast", "slow"), streamed, "the fast one is reported first");
            assertEquals(Status.PASS, results.getFirst().status(), "the slow check went on while the fast one was reported");
            assertEquals(List.of("slow", "fast"), results.stream().map(CheckResult::checkId).toList());
            runner.run(PLAN, r -> { });
            assertEquals(4, slow.factsSeen.size() + fast.factsSeen.size());
            assertTrue(slow.factsSeen.stream().allMatch(f -> f == slow.factsSeen.getFirst())
                    && fast.factsSeen.stream().allMatch(f -> f == slow.factsSeen.getFirst()), "facts are gathered once");
            assertSame(slow.factsSeen.getFirst(), runner.facts());
        }
    }

    @Test
    void aCheckOverItsTimeIsStoppedAndFails() throws Exception {
        TestCheck hanging = new TestCheck("hanging", 60_000, dataRoot());
        TestCheck fast = new TestCheck("fast", 0, dataRoot());
        try (LocalTarget t = new LocalTarget();
             CheckRunner runner = new CheckRunner(t, List.of(hanging, fast), Duration.ofMillis(1500))) {
            // Were the limit not kept, the hanging check would pass after its minute; it fails instead.
            List<CheckResult> results = runner.run(PLAN, r -> { });
            CheckResult r = results.getFirst();
            assertEquals(Status.FAIL, r.status());
            assertEquals("Test hanging did not finish in 1500 ms", r.summary());
            assertTrue(r.fix().startsWith("Run the check again; if it keeps hanging"), r.fix());
            assertEquals(Status.PASS, results.get(1).status());
            Await.until("the hanging check to be interrupted", () -> hanging.interrupted.getCount() == 0);
            runner.runAgain(PLAN, again -> { });
            assertEquals(2, hanging.runs.get(), "a check that ran out of time is tried again");
            assertEquals(1, fast.runs.get(), "one that answered is not");
        }
    }

    @Test
    void cancelStopsRunningChecksAndNothingMoreIsReported() throws Exception {
        TestCheck fast = new TestCheck("fast", 0, dataRoot());
        TestCheck hanging = new TestCheck("hanging", 60_000, dataRoot());
        List<CheckResult> streamed = new CopyOnWriteArrayList<>();
        try (LocalTarget t = new LocalTarget(); CheckRunner runner = new CheckRunner(t, List.of(fast, hanging))) {
            CountDownLatch firstIn = new CountDownLatch(1);
            Thread canceller = Thread.ofVirtual().start(() -> {
                try {
                    firstIn.await();
                    runner.cancel();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread caller = Thread.currentThread();
            List<Thread> listenerThreads = new CopyOnWriteArrayList<>();
            List<CheckResult> results = runner.run(PLAN, r -> {
                listenerThreads.add(Thread.currentThread());
                streamed.add(r);
                firstIn.countDown();
            });
            canceller.join();
            assertEquals(List.of("fast"), results.stream().map(CheckResult::checkId).toList());
            Await.until("the running check to be interrupted", () -> hanging.interrupted.getCount() == 0);
            // The listener is only ever called on the caller's thread, inside run(): once run()
            // has returned, nothing can reach it any more, so no waiting is needed to be sure.
            assertEquals(List.of(caller), listenerThreads);
            assertEquals(1, streamed.size(), "a cancelled check reports nothing");
        }
    }

    @Test
    void runAgainReRunsOnlyTheChecksWhoseInputsChanged() throws Exception {
        TestCheck data = new TestCheck("data", 0, dataRoot());
        TestCheck project = new TestCheck("project", 0, in -> in.answers().map(a -> a.projectName()).orElse(null));
        try (LocalTarget t = new LocalTarget(); CheckRunner runner = new CheckRunner(t, List.of(data, project))) {
            List<CheckResult> first = runner.run(PLAN, r -> { });
            StackPlan moved = CheckFixtures.withStorage(PLAN, s -> new dev.berth.answers.StorageAnswers(s.stackDir(),
                    "/srv/elsewhere", s.configRoot(), s.puid(), s.pgid(), s.timeZone(), s.hardwareTranscoding()));
            List<String> streamed = new CopyOnWriteArrayList<>();
            List<CheckResult> again = runner.runAgain(moved, r -> streamed.add(r.checkId()));
            assertEquals(2, data.runs.get());
            assertEquals(1, project.runs.get(), "the project name did not change");
            assertEquals(List.of("data"), streamed);
            assertEquals(List.of("data", "project"), again.stream().map(CheckResult::checkId).toList());
            assertSame(first.get(1), again.get(1), "the unchanged check keeps its result");
            runner.runAgain(moved, r -> { });
            assertEquals(2, data.runs.get(), "nothing changed: nothing re-runs");
        }
    }

    @Test
    void withoutAPlanPlanChecksAreSkippedAndFailuresCarryTheirMessage() throws Exception {
        TestCheck needsPlan = new TestCheck("data", 0, dataRoot());
        TestCheck broken = new TestCheck("broken", 0, in -> Check.NO_INPUTS);
        try (LocalTarget t = new LocalTarget(); CheckRunner runner = new CheckRunner(t, List.of(needsPlan, broken))) {
            List<CheckResult> results = runner.run(null, r -> { });
            assertEquals(Status.SKIP, results.get(0).status());
            assertEquals("Needs your answers (berth check --answers FILE)", results.get(0).summary());
            assertEquals(0, needsPlan.runs.get());
            assertEquals(Status.SKIP, results.get(1).status(), "the test check needs a plan too");
            List<CheckResult> withPlan = runner.run(PLAN, r -> { });
            assertEquals(Status.FAIL, withPlan.get(1).status());
            assertEquals("Could not check: the target went away", withPlan.get(1).summary());
        }
    }
}

package dev.berth.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.deploy.DeployProgress;
import dev.berth.engine.deploy.Deployment;
import dev.berth.engine.deploy.DeploymentEvent;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.deploy.Job;
import dev.berth.engine.deploy.JobContext;
import dev.berth.engine.target.LocalTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner alone, with jobs that only record what happens to them. */
class StackDeploymentTest {
    private final List<String> log = new ArrayList<>();
    private final JobContext ctx = new JobContext(new LocalTarget(), StackFixtures.CLOCK);

    private final class Recording implements Job {
        private final String name;
        private final boolean fails;
        private final boolean undoFails;
        Runnable during = () -> { };

        Recording(String name, boolean fails, boolean undoFails) {
            this.name = name;
            this.fails = fails;
            this.undoFails = undoFails;
        }

        @Override
        public String description() {
            return name;
        }

        @Override
        public void execute(JobContext context) {
            log.add("do " + name);
            during.run();
            if (fails) {
                throw new IllegalStateException(name + " broke");
            }
        }

        @Override
        public void undo(JobContext context) {
            log.add("undo " + name);
            if (undoFails) {
                throw new IllegalStateException(name + " cannot be undone");
            }
        }
    }

    private static String event(DeploymentEvent e) {
        return switch (e) {
            case DeploymentEvent.Started s -> "started " + s.job().description() + " " + (s.index() + 1) + "/" + s.total();
            case DeploymentEvent.Finished f -> "finished " + f.job().description();
            case DeploymentEvent.Failed f -> "failed " + f.job().description() + ": " + f.message();
            case DeploymentEvent.Undone u -> "undone " + u.job().description();
            case DeploymentEvent.UndoFailed u -> "undo failed " + u.job().description() + ": " + u.message();
        };
    }

    /** The steps of the deployment's progress, as text. */
    private static java.util.function.Consumer<DeployProgress> steps(List<String> events) {
        return p -> {
            if (p instanceof DeployProgress.Step s) {
                events.add(event(s.event()));
            }
        };
    }

    @Test
    void allJobsRunInOrder() {
        List<String> events = new ArrayList<>();
        Deployment d = new Deployment(List.of(new Recording("a", false, false), new Recording("b", false, false)));
        assertInstanceOf(DeploymentResult.Succeeded.class, d.run(ctx.withProgress(steps(events))));
        assertEquals(List.of("do a", "do b"), log);
        assertEquals(List.of("started a 1/2", "finished a", "started b 2/2", "finished b"), events);
    }

    @Test
    void aFailureUndoesWhatWasStartedInReverse() {
        List<String> events = new ArrayList<>();
        Recording c = new Recording("c", true, false);
        Deployment d = new Deployment(List.of(new Recording("a", false, false), new Recording("b", false, false), c,
                new Recording("never", false, false)));
        DeploymentResult.RolledBack r = assertInstanceOf(DeploymentResult.RolledBack.class, d.run(ctx.withProgress(steps(events))));
        assertSame(c, r.failedJob());
        assertEquals("c broke", r.cause().getMessage());
        assertTrue(r.undoErrors().isEmpty());
        assertEquals(List.of("do a", "do b", "do c", "undo c", "undo b", "undo a"), log,
                "the failed job is undone too: it may have done part of its work");
        assertEquals(List.of("started a 1/4", "finished a", "started b 2/4", "finished b", "started c 3/4", "failed c: c broke",
                "undone c", "undone b", "undone a"), events);
    }

    @Test
    void aFailingUndoIsReportedAndTheRollbackGoesOn() {
        Deployment d = new Deployment(List.of(new Recording("a", false, false), new Recording("b", false, true),
                new Recording("c", true, false)));
        DeploymentResult.RolledBack r = assertInstanceOf(DeploymentResult.RolledBack.class,
                d.run(ctx.withProgress(p -> { throw new RuntimeException("a broken progress display"); })));
        assertEquals(List.of("do a", "do b", "do c", "undo c", "undo b", "undo a"), log);
        assertEquals(1, r.undoErrors().size());
        assertEquals("b", r.undoErrors().getFirst().job().description());
        assertEquals("b cannot be undone", r.undoErrors().getFirst().cause().getMessage());
    }

    @Test
    void cancelStopsBeforeTheNextJobAndRollsBack() {
        Recording a = new Recording("a", false, false);
        Recording b = new Recording("b", false, false);
        Deployment d = new Deployment(List.of(a, b, new Recording("c", false, false)));
        b.during = d::cancel;
        DeploymentResult.Cancelled r = assertInstanceOf(DeploymentResult.Cancelled.class, d.run(ctx));
        assertTrue(r.undoErrors().isEmpty());
        assertEquals(List.of("do a", "do b", "undo b", "undo a"), log, "b finishes, c never starts");
    }

    @Test
    void aJobThatStopsBecauseOfTheCancelEndsAsCancelledNotFailed() {
        java.util.concurrent.atomic.AtomicReference<Deployment> deployment = new java.util.concurrent.atomic.AtomicReference<>();
        Job waiting = new Job() {
            @Override
            public String description() {
                return "wait";
            }

            @Override
            public void execute(JobContext context) {
                log.add("do wait");
                deployment.get().cancel(); // the person presses Cancel while the job waits
                throw new java.util.concurrent.CancellationException("cancelled while waiting");
            }

            @Override
            public void undo(JobContext context) {
                log.add("undo wait");
            }
        };
        deployment.set(new Deployment(List.of(new Recording("a", false, false), waiting)));
        DeploymentResult.Cancelled r = assertInstanceOf(DeploymentResult.Cancelled.class, deployment.get().run(ctx));
        assertTrue(r.undoErrors().isEmpty());
        assertEquals(List.of("do a", "do wait", "undo wait", "undo a"), log);
    }

    @Test
    void aJobWhoseProgramTheCancelStoppedEndsAsCancelledWhateverItThrew() {
        java.util.concurrent.atomic.AtomicReference<Deployment> deployment = new java.util.concurrent.atomic.AtomicReference<>();
        Job composeUp = new Job() {
            @Override
            public String description() {
                return "up";
            }

            @Override
            public void execute(JobContext context) throws Exception {
                log.add("do up");
                deployment.get().cancel(); // Ctrl-C while compose runs: Berth stops it, and it ends with an error
                throw new dev.berth.engine.target.TargetException(dev.berth.engine.target.TargetException.Reason.OTHER,
                        "compose up failed (exit 130)");
            }

            @Override
            public void undo(JobContext context) {
                log.add("undo up");
            }
        };
        deployment.set(new Deployment(List.of(new Recording("a", false, false), composeUp)));
        DeploymentResult.Cancelled r = assertInstanceOf(DeploymentResult.Cancelled.class, deployment.get().run(ctx));
        assertTrue(r.undoErrors().isEmpty());
        assertEquals(List.of("do a", "do up", "undo up", "undo a"), log);
    }

    @Test
    void theUndoDoesNotSeeTheCancelButStopsWhenThePersonSaysSo() {
        java.util.concurrent.atomic.AtomicBoolean stopUndoing = new java.util.concurrent.atomic.AtomicBoolean();
        List<Boolean> cancelSeenByUndo = new ArrayList<>();
        Job b = new Job() {
            @Override
            public String description() {
                return "b";
            }

            @Override
            public void execute(JobContext context) {
                log.add("do b");
            }

            @Override
            public void undo(JobContext context) {
                cancelSeenByUndo.add(context.cancelled());
                log.add("undo b");
                stopUndoing.set(true); // a second Ctrl-C, answered "y", while b is undone
            }
        };
        Deployment d = new Deployment(List.of(new Recording("a", false, false), b, new Recording("c", false, false),
                new Recording("never", false, false)));
        Recording c = (Recording) d.jobs().get(2);
        c.during = d::cancel;
        DeploymentResult.Cancelled r = assertInstanceOf(DeploymentResult.Cancelled.class, d.run(ctx, stopUndoing::get));
        assertEquals(List.of(false), cancelSeenByUndo, "an undo must not stop itself because of the cancel that started it");
        assertEquals(List.of("do a", "do b", "do c", "undo c", "undo b"), log, "a is left as it is");
        assertEquals(1, r.undoErrors().size());
        assertEquals("a", r.undoErrors().getFirst().job().description());
        assertEquals("not undone: you stopped the undo", r.undoErrors().getFirst().cause().getMessage());
    }
}

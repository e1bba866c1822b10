package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs of several hosts in one {@link Deployment}, as the multi-host deploy runs them: each runs
 * with its own host's target, outcomes and progress, and a failure or a cancel on one host undoes
 * every job done on every host, in reverse. Two local targets stand for two hosts: the jobs here
 * only record what they were given.
 */
class HostJobTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T23:00:00Z"), ZoneOffset.UTC);
    private static final JobOutcomes.Key<String> DONE = JobOutcomes.Key.of("done", String.class);

    private final LocalTarget nasTarget = new LocalTarget();
    private final LocalTarget gpuTarget = new LocalTarget();
    private final List<String> happened = Collections.synchronizedList(new ArrayList<>());
    private final List<HostProgress> progress = Collections.synchronizedList(new ArrayList<>());
    private final HostRun nas = run("nas", nasTarget);
    private final HostRun gpu = run("gpu", gpuTarget);

    @AfterEach
    void close() {
        nasTarget.close();
        gpuTarget.close();
    }

    private HostRun run(String host, Target target) {
        return new HostRun(host, target, new JobOutcomes(), p -> progress.add(new HostProgress(host, p)));
    }

    /** Records which target it ran and was undone on, and its name under {@link #DONE} in the outcomes it was given. */
    private final class Recording implements Job {
        private final String name;
        private final Target expected;
        private final boolean fails;
        private final Runnable during;
        private final boolean undoFails;

        Recording(String name, Target expected, boolean fails, Runnable during, boolean undoFails) {
            this.name = name;
            this.expected = expected;
            this.fails = fails;
            this.during = during;
            this.undoFails = undoFails;
        }

        Recording(String name, Target expected) {
            this(name, expected, false, () -> { }, false);
        }

        @Override
        public String description() {
            return name;
        }

        @Override
        public void execute(JobContext context) throws Exception {
            assertSame(expected, context.target(), name + " runs on its own host's target");
            context.record(DONE, name);
            context.publish(new DeployProgress.Step(new DeploymentEvent.Finished(this)));
            happened.add("do " + name);
            during.run();
            if (fails) {
                throw new TargetException(TargetException.Reason.UNREACHABLE, "the connection to gpu was lost");
            }
        }

        @Override
        public void undo(JobContext context) throws Exception {
            assertSame(expected, context.target(), name + " is undone on its own host's target");
            if (undoFails) {
                throw new TargetException(TargetException.Reason.UNREACHABLE, "gpu does not answer");
            }
            happened.add("undo " + name);
        }
    }

    private DeploymentResult deploy(List<Job> jobs, AtomicBoolean cancel) {
        return new Deployment(jobs).run(new JobContext(nasTarget, CLOCK, cancel::get, p -> { }, new JobOutcomes()));
    }

    @Test
    void aFailureOnTheSecondHostUndoesBothHostsInReverse() {
        List<Job> jobs = List.of(new HostJob(nas, new Recording("write on nas", nasTarget)), new HostJob(nas, new Recording("up on nas", nasTarget)),
                new HostJob(gpu, new Recording("write on gpu", gpuTarget)),
                new HostJob(gpu, new Recording("up on gpu", gpuTarget, true, () -> { }, false)));

        DeploymentResult result = deploy(jobs, new AtomicBoolean());

        DeploymentResult.RolledBack rolledBack = assertInstanceOf(DeploymentResult.RolledBack.class, result);
        assertEquals("gpu: up on gpu", rolledBack.failedJob().description(), "the failed step names its host");
        assertEquals(List.of("do write on nas", "do up on nas", "do write on gpu", "do up on gpu",
                "undo up on gpu", "undo write on gpu", "undo up on nas", "undo write on nas"), happened);
        assertTrue(rolledBack.undoErrors().isEmpty(), rolledBack.undoErrors()::toString);
    }

    @Test
    void eachHostKeepsItsOwnOutcomesAndGetsItsOwnProgress() {
        DeploymentResult result = deploy(List.of(new HostJob(nas, new Recording("health on nas", nasTarget)),
                new HostJob(gpu, new Recording("health on gpu", gpuTarget))), new AtomicBoolean());

        assertInstanceOf(DeploymentResult.Succeeded.class, result);
        // One host's report never overwrites the other's: both recorded under the same key.
        assertEquals("health on nas", nas.outcomes().get(DONE).orElseThrow());
        assertEquals("health on gpu", gpu.outcomes().get(DONE).orElseThrow());
        assertEquals(List.of("nas", "gpu"), progress.stream().map(HostProgress::host).toList());
    }

    @Test
    void aCancelWhileTheSecondHostRunsUndoesBothHosts() {
        AtomicBoolean cancel = new AtomicBoolean();
        List<Job> jobs = List.of(new HostJob(nas, new Recording("write on nas", nasTarget)),
                new HostJob(gpu, new Recording("write on gpu", gpuTarget, false, () -> cancel.set(true), false)),
                new HostJob(gpu, new Recording("up on gpu", gpuTarget)));

        DeploymentResult result = deploy(jobs, cancel);

        assertInstanceOf(DeploymentResult.Cancelled.class, result);
        assertEquals(List.of("do write on nas", "do write on gpu", "undo write on gpu", "undo write on nas"), happened);
    }

    @Test
    void whatCouldNotBeUndoneOnALostHostIsNamedWithThatHostAndTheOtherHostIsStillUndone() {
        List<Job> jobs = List.of(new HostJob(nas, new Recording("write on nas", nasTarget)),
                new HostJob(gpu, new Recording("write on gpu", gpuTarget, false, () -> { }, true)),
                new HostJob(gpu, new Recording("up on gpu", gpuTarget, true, () -> { }, true)));

        DeploymentResult.RolledBack rolledBack = assertInstanceOf(DeploymentResult.RolledBack.class, deploy(jobs, new AtomicBoolean()));

        assertEquals(List.of("gpu: up on gpu", "gpu: write on gpu"),
                rolledBack.undoErrors().stream().map(e -> e.job().description()).toList());
        assertTrue(happened.contains("undo write on nas"), happened::toString);
    }

    @Test
    void aHostsStepsReachItAsItsOwnDeployWouldReportThem() {
        Recording write = new Recording("write on gpu", gpuTarget);
        HostJob hostJob = new HostJob(gpu, write);
        DeploymentEvent unwrapped = hostJob.unwrapped(new DeploymentEvent.Started(hostJob, 3, 7));
        assertEquals(new DeploymentEvent.Started(write, 3, 7), unwrapped);
        assertEquals(new DeploymentEvent.UndoFailed(write, "gone"), hostJob.unwrapped(new DeploymentEvent.UndoFailed(hostJob, "gone")));
    }
}

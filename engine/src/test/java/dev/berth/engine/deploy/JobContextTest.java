package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.berth.engine.target.LocalTarget;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a job is given when it runs: the progress listener of that run and a collector for its
 * results. No Docker needed: the jobs here only report.
 */
class JobContextTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T03:00:00Z"), ZoneOffset.UTC);
    private static final JobOutcomes.Key<String> FOUND = JobOutcomes.Key.of("found", String.class);

    private final LocalTarget target = new LocalTarget();
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void close() {
        target.close();
    }

    /** Reports one pull and records what it found, as the deploy's jobs do. */
    private final class Reporting implements Job {
        private final String image;

        Reporting(String image) {
            this.image = image;
        }

        @Override
        public String description() {
            return "report " + image;
        }

        @Override
        public void execute(JobContext context) {
            context.publish(new DeployProgress.Pull(new PullProgress(image, null, 0, 0, PullProgress.PRESENT)));
            context.record(FOUND, image);
        }

        @Override
        public void undo(JobContext context) {
            log.add("undo " + image);
        }
    }

    private static Consumer<DeployProgress> into(List<DeployProgress> seen) {
        return seen::add;
    }

    @Test
    void jobsMadeOnceReportToTheListenerOfTheRunTheyArePartOf() {
        // Like a preview: the jobs are made before anyone knows who will watch the deploy.
        Reporting job = new Reporting("example.org/app:1");
        List<DeployProgress> first = new ArrayList<>();
        List<DeployProgress> second = new ArrayList<>();

        new Deployment(List.of(job)).run(new JobContext(target, CLOCK).withProgress(into(first)));
        new Deployment(List.of(job)).run(new JobContext(target, CLOCK).withProgress(into(second)));

        for (List<DeployProgress> seen : List.of(first, second)) {
            assertEquals(3, seen.size(), seen::toString);
            assertInstanceOf(DeploymentEvent.Started.class, assertInstanceOf(DeployProgress.Step.class, seen.get(0)).event());
            assertEquals("example.org/app:1", assertInstanceOf(DeployProgress.Pull.class, seen.get(1)).progress().image());
            assertInstanceOf(DeploymentEvent.Finished.class, assertInstanceOf(DeployProgress.Step.class, seen.get(2)).event());
        }
    }

    @Test
    void eachRunCollectsItsOwnOutcomesReadBackWithTheirType() {
        JobContext one = new JobContext(target, CLOCK);
        JobContext other = new JobContext(target, CLOCK);

        new Deployment(List.of(new Reporting("a:1"))).run(one);

        String found = one.outcomes().get(FOUND).orElseThrow(); // typed: no cast
        assertEquals("a:1", found);
        assertEquals(Optional.empty(), other.outcomes().get(FOUND), "another run saw nothing");
        assertEquals(Optional.empty(), one.outcomes().get(JobOutcomes.Key.of("found", String.class)),
                "keys are the job's own constants, not names: a key made elsewhere reads nothing");
    }

    @Test
    void aLaterRecordOfTheSameKeyReplacesTheEarlierOne() {
        JobOutcomes outcomes = new JobOutcomes();
        outcomes.record(BackupJob.FOLDER, "/opt/berth/.berth/backups/1");
        outcomes.record(BackupJob.FOLDER, "/opt/berth/.berth/backups/2");
        assertEquals(Optional.of("/opt/berth/.berth/backups/2"), outcomes.get(BackupJob.FOLDER));
        assertEquals(Optional.empty(), outcomes.get(AwaitHealthJob.REPORT));
    }

    @Test
    void aListenerThatThrowsStopsNeitherTheJobNorItsRecord() {
        JobContext context = new JobContext(target, CLOCK).withProgress(p -> {
            throw new IllegalStateException("a broken progress display");
        });

        DeploymentResult r = new Deployment(List.of(new Reporting("a:1"))).run(context);

        assertInstanceOf(DeploymentResult.Succeeded.class, r, r::toString);
        assertEquals(Optional.of("a:1"), context.outcomes().get(FOUND));
    }

    @Test
    void anUndoOnlyJobOnlyPreparesGoingForwardAndDoesItsWorkInTheRollback() {
        UndoOnlyJob restore = new UndoOnlyJob() {
            @Override
            public String description() {
                return "remember";
            }

            @Override
            public void prepare(JobContext context) {
                log.add("prepare");
            }

            @Override
            public void undo(JobContext context) {
                log.add("bring back");
            }
        };
        Job fails = new Job() {
            @Override
            public String description() {
                return "fails";
            }

            @Override
            public void execute(JobContext context) {
                throw new IllegalStateException("broke");
            }

            @Override
            public void undo(JobContext context) {
                log.add("undo fails");
            }
        };

        DeploymentResult r = new Deployment(List.of(restore, fails)).run(new JobContext(target, CLOCK));

        assertSame(fails, assertInstanceOf(DeploymentResult.RolledBack.class, r).failedJob());
        assertEquals(List.of("prepare", "undo fails", "bring back"), log);
    }

    @Test
    void restoringThePreviousStackIsAnUndoOnlyJobListedAsBefore() {
        Job restore = new RestorePreviousStackJob(ComposeTool.PLUGIN, "media", "/opt/berth");
        assertInstanceOf(UndoOnlyJob.class, restore);
        assertEquals("Make sure no stack in another folder is called 'media', and remember the running stack in /opt/berth, "
                + "to bring it back if the deploy fails", restore.description());
        Job up = new ComposeUpJob(ComposeTool.PLUGIN, "media", "/opt/berth");
        assertFalse(up instanceof UndoOnlyJob, "a job that changes the target going forward is not undo-only");
    }
}

package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-host deploy runs every host's preflight, then every host's bring-up to its health
 * wait, then the work on running apps: never the wiring of one host before another host's apps run.
 */
class HostPhasesTest {

    /** Stands for a job that is neither a preflight nor a health wait. */
    private record Named(String description) implements Job {
        @Override
        public void execute(JobContext context) {
        }

        @Override
        public void undo(JobContext context) {
        }
    }

    @Test
    void everyHostsPreflightThenEveryHostsBringUpThenTheWorkOnRunningApps(@TempDir Path root) {
        StackPlan plan = DeployFixtures.plan(DeployFixtures.answers("minimal-jellyfin", root, "phases"));
        try (LocalTarget target = new LocalTarget()) {
            HostPhases phases = new HostPhases();
            phases.add(new HostRun("nas", target, new JobOutcomes(), p -> { }),
                    List.of(new PreflightJob(plan), new Named("write"), new AwaitHealthJob(plan), new Named("wire")));
            phases.add(new HostRun("pc", target, new JobOutcomes(), p -> { }),
                    List.of(new PreflightJob(plan), new Named("write"), new AwaitHealthJob(plan), new Named("wire")));

            List<String> order = phases.inOrder().stream().map(job -> {
                Job inner = ((HostJob) job).job();
                String what = inner instanceof PreflightJob ? "preflight" : inner instanceof AwaitHealthJob ? "health" : inner.description();
                return ((HostJob) job).run().host() + ":" + what;
            }).toList();

            assertEquals(List.of("nas:preflight", "pc:preflight", "nas:write", "nas:health", "pc:write", "pc:health", "nas:wire",
                    "pc:wire"), order);
        }
    }

    @Test
    void aHostWithNothingToChangeReadsItsHealthWithTheBringUp(@TempDir Path root) {
        StackPlan plan = DeployFixtures.plan(DeployFixtures.answers("minimal-jellyfin", root, "phases"));
        try (LocalTarget target = new LocalTarget()) {
            HostPhases phases = new HostPhases();
            phases.add(new HostRun("nas", target, new JobOutcomes(), p -> { }),
                    List.of(new PreflightJob(plan), new Named("write"), new AwaitHealthJob(plan), new Named("wire")));
            phases.add(new HostRun("pc", target, new JobOutcomes(), p -> { }), List.of(new ReadHealthJob(plan)));

            List<Job> order = phases.inOrder().stream().map(job -> ((HostJob) job).job()).toList();
            assertEquals(5, order.size());
            assertEquals(ReadHealthJob.class, order.get(3).getClass(), "pc's health read comes before nas's wiring");
            assertEquals("wire", order.get(4).description());
        }
    }
}

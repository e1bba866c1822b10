package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.Examples;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;

/** Plans, facts and contexts for the check tests. */
final class CheckFixtures {
    private CheckFixtures() {
    }

    /** An example's answers, changed, then planned for real (so ports and services are the planner's). */
    static StackPlan plan(String example, UnaryOperator<Answers> change) {
        return Examples.repeatablePlanner().plan(change.apply(Examples.answers(example)), Map.of());
    }

    /** The plan with other storage answers: what checks of folders read. */
    static StackPlan withStorage(StackPlan p, UnaryOperator<StorageAnswers> change) {
        return with(p, p.answers().withStorage(change.apply(p.answers().storage())));
    }

    static StackPlan with(StackPlan p, Answers a) {
        return new StackPlan(a, p.services(), p.additions(), p.suggestions(), p.portMoves(), p.secrets(),
                p.dataDirectories(), p.namedVolumes());
    }

    static StorageAnswers storage(StorageAnswers s, Path stack, Path data, Path config, int puid, int pgid) {
        return new StorageAnswers(stack.toString(), data.toString(), config.toString(), puid, pgid, s.timeZone(),
                s.hardwareTranscoding());
    }

    /** A context on this computer, with the facts gathered for real. */
    static CheckContext local(LocalTarget target, StackPlan plan) throws InterruptedException {
        return new CheckContext(target, plan, new FactGatherer(target).gather());
    }

    /** Facts made by hand, to reach the branches this machine does not. */
    static TargetFacts facts(String arch, long memoryBytes, int uid, String user, String zone, String subnet,
                             TargetFacts.ClockSample clock) {
        return new TargetFacts(new TargetFacts.OsInfo("debian", "12", "Debian GNU/Linux 12 (bookworm)"),
                arch == null ? "mips" : arch.equals("amd64") ? "x86_64" : arch, arch, 4, memoryBytes,
                new TargetFacts.UserInfo(uid, uid, user, List.of(user)), zone, subnet, clock, List.of());
    }

    static TargetFacts facts(String arch) {
        return facts(arch, 8L << 30, 1000, "media", "Europe/Berlin", "192.168.1.0/24", null);
    }

    /** Tests that mount or chown need root: skipped elsewhere, failed under CI (which runs as root). */
    static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            String reason = "this test mounts a tmpfs or changes owners, which needs root";
            if (ExternalTool.underCi()) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
    }
}

package dev.berth.tools.bench;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.check.CheckRunner;
import dev.berth.engine.check.Checks;
import dev.berth.engine.target.Target;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Every check for the largest example, end to end: a new target (connection, Docker client)
 * and a new runner (facts) each time, as {@code berth check} does. The stack's folders are in a
 * temporary folder, so the hardlink check writes there.
 */
final class AllChecks implements Benchmark {
    private final String name;
    private final String goal;
    private final Callable<Target> opener;
    private final StackPlan plan;

    AllChecks(String name, String goal, Path answersFile, Callable<Target> opener) throws Exception {
        this.name = name;
        this.goal = goal;
        this.opener = opener;
        Path tmp = Files.createTempDirectory("berth-bench-checks-");
        Answers a = AnswersFile.read(answersFile);
        StorageAnswers s = a.storage();
        Answers inTmp = a.withStorage(new StorageAnswers(tmp.resolve("stack").toString(), tmp.resolve("data").toString(),
                tmp.resolve("config").toString(), s.puid(), s.pgid(), s.timeZone(), s.hardwareTranscoding()));
        this.plan = new Planner(Catalog.builtIn()).plan(inTmp, Map.of());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String goal() {
        return goal;
    }

    @Override
    public int warmups() {
        return 2;
    }

    @Override
    public int runs() {
        return 9;
    }

    @Override
    public long sample() throws Exception {
        long start = System.nanoTime();
        try (Target target = opener.call(); CheckRunner runner = new CheckRunner(target, Checks.all())) {
            runner.run(plan, r -> { });
        }
        return System.nanoTime() - start;
    }
}

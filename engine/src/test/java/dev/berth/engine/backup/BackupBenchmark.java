package dev.berth.engine.backup;

import dev.berth.answers.BackupAnswers;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.OutputLines;
import dev.berth.plan.BackupPlan;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup figures, printed, never asserted (run with {@code ./bench backup}; not part of the test
 * run: the class name is outside Surefire's includes). On a stand-in stack whose app folder holds a
 * few hundred MB in many files: how long the stopped app is down, and the whole run, with the live
 * pass as built (everything read while the app runs, then only the changes with it stopped) against
 * one pass with the app stopped ({@code BERTH_BACKUP_LIVE_PASS=0}), for a first backup into an empty
 * repository and a second one after a few files changed. The downtime is measured as
 * {@link StackBackups} does, from "stopping" to "started".
 */
class BackupBenchmark {
    private static final int FILES = 1500;
    private static final int FILE_KB = 200;
    private static final int CHANGED = 20;

    @TempDir
    Path root;
    private BackupScenario scenario;

    @Test
    void appsDownWithAndWithoutTheLivePass() throws Exception {
        RequiresDocker.engine();
        scenario = new BackupScenario(root, 1000);
        scenario.deploy(LocalTarget::new);
        Random random = new Random(5);
        byte[] content = new byte[FILE_KB * 1024];
        Files.createDirectories(scenario.appFolder.resolve("metadata"));
        for (int i = 0; i < FILES; i++) {
            random.nextBytes(content);
            Files.write(scenario.appFolder.resolve("metadata/item-" + i + ".bin"), content);
        }
        List<String> rows = new ArrayList<>();
        for (boolean live : List.of(true, false)) {
            scenario.useRepository(root.resolve("disk/" + (live ? "live" : "stopped")).toString(), BackupAnswers.RepositoryKind.LOCAL);
            scenario.init(LocalTarget::new);
            String mode = live ? "live pass, then stopped pass" : "one stopped pass        ";
            rows.add(mode + "  first:  " + run(live));
            for (int i = 0; i < CHANGED; i++) {
                random.nextBytes(content);
                Files.write(scenario.appFolder.resolve("metadata/item-" + i + ".bin"), content);
            }
            rows.add(mode + "  second: " + run(live));
        }
        System.out.println("BENCHMARK backup of " + FILES + " files, " + (FILES * FILE_KB / 1024) + " MB (second: " + CHANGED
                + " changed), Jellyfin stopped for the snapshot; apps down / whole run:");
        rows.forEach(r -> System.out.println("BENCHMARK   " + r));
    }

    private String run(boolean live) throws Exception {
        List<String> argv = new ArrayList<>(List.of("env", "BERTH_BACKUP_LIVE_PASS=" + (live ? "1" : "0"), "sh",
                scenario.stack.resolve(BackupPlan.SCRIPT).toString(), "backup"));
        ScriptOutput out = new ScriptOutput(scenario.backup.stopped(), Map.of("jellyfin", "Jellyfin"), line -> { }, Clock.systemUTC());
        long start = System.nanoTime();
        try (LocalTarget t = new LocalTarget(); OutputStream lines = new OutputLines(out::line)) {
            ExecResult r = t.execStreaming(argv, new byte[0], Duration.ofMinutes(30), lines);
            if (!r.ok()) {
                throw new AssertionError(out.text());
            }
        }
        Duration whole = Duration.ofNanos(System.nanoTime() - start);
        return ScriptOutput.seconds(out.appsDown()) + " / " + ScriptOutput.seconds(whole);
    }

    @AfterEach
    void cleanUp() {
        if (scenario != null) {
            scenario.cleanUp();
        }
    }
}

package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.render.FolderExport;
import dev.berth.testsupport.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploy figures, printed, never asserted on time (run with {@code ./bench deploy}; not part of
 * the test run: the class name is outside Surefire's includes). Side by side in one run, on the
 * full stand-in stack: Compose's own {@code docker compose up -d --wait} on the files Berth writes
 * against Berth's whole first deploy (checks, backup, files, pull check, up, health wait); then
 * Berth's re-deploy with nothing to change, which only reads the health.
 */
class DeployBenchmark {
    /** Issue 15's goal for a first deploy of the full stand-in stack on the engine this runs on. */
    private static final long FIRST_DEPLOY_GOAL_MS = 20_000;

    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private String project;

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = DeployFixtures.project();
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(target, project);
        target.close();
    }

    @Test
    void deployOverheadAgainstComposeUpAndAWaitScript() throws Exception {
        Answers answers = FullStack.answers(root, project, 1000, 1000);
        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);

        // By hand: the same files Berth generates, written to a folder of their own.
        Answers byHand = moved(answers, root.resolve("by-hand"));
        DeployPreview files = deployer.preview(byHand, FullStack.options());
        Path dir = Path.of(byHand.storage().stackDir());
        FolderExport.write(files.rendered(), dir);
        // Every bind-mounted folder, as a person following a guide creates them (Compose v2 refuses missing ones).
        for (String d : new dev.berth.engine.deploy.CreateDataDirectoriesJob(files.plan(), java.util.Optional.empty()).folders()) {
            Files.createDirectories(Path.of(d));
        }
        long start = System.nanoTime();
        ExternalTool.Result up = ExternalTool.run(dir, List.of("docker", "compose", "-p", project, "up", "-d", "--wait",
                "--remove-orphans"));
        assertEquals(0, up.exitCode(), up::output);
        long manualMs = ms(start);
        DeployFixtures.removeProject(target, project);

        start = System.nanoTime();
        DeployOutcome berth = deployer.deploy(deployer.preview(answers, FullStack.options()), p -> { }, () -> false);
        long berthMs = ms(start);
        assertTrue(berth.succeeded(), berth::toString);

        start = System.nanoTime();
        DeployPreview unchanged = deployer.preview(answers, FullStack.options());
        DeployOutcome again = deployer.deploy(unchanged, p -> { }, () -> false);
        long againMs = ms(start);
        assertTrue(again.succeeded(), again::toString);
        assertTrue(unchanged.nothingToChange(), "the re-deploy found something to change: " + unchanged.diff().render());

        int services = files.plan().services().size();
        System.out.printf("BENCHMARK first deploy, full stand-in stack (%d services): docker compose up -d --wait %d ms; "
                + "Berth deploy (preview + all jobs) %d ms (goal <= %d ms); ratio Berth / Compose %.2f%n", services, manualMs,
                berthMs, FIRST_DEPLOY_GOAL_MS, berthMs / (double) manualMs);
        System.out.printf("BENCHMARK Berth re-deploy with nothing to change (preview + health read; no backup, no write), "
                + "in-process: %d ms (goal <= 1500 as a whole berth deploy process)%n", againMs);
        wholeProcessRedeploy(answers.storage().stackDir());
    }

    /**
     * What the person waits for: {@code berth deploy} of the stack's own (unchanged) answers as a
     * process of its own, started as {@code ./berth} starts it (its JVM options and, once made, its
     * AOT cache), median of five runs. Needs the app's jar, which {@code ./bench deploy} builds.
     */
    private static void wholeProcessRedeploy(String stackDir) {
        Path repo = Path.of("").toAbsolutePath().getParent();
        Path jar = repo.resolve("app/target/berth.jar");
        if (!Files.isRegularFile(jar)) {
            System.out.println("[note] no whole-process re-deploy row: " + jar + " is missing; build it with "
                    + "./mvnw -B -DskipTests -pl app -am package (./bench deploy does)");
            return;
        }
        List<String> argv = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + repo.resolve("scripts/jvm-options")));
        Path cache = repo.resolve("app/target/berth.aot"); // made by ./berth (scripts/start-java)
        if (Files.isRegularFile(cache)) {
            argv.addAll(List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off,cds*=off"));
        }
        argv.addAll(List.of("-cp", jar + ":" + repo.resolve("app/target/lib") + "/*", "dev.berth.app.Main",
                "deploy", "--dir", stackDir, "--yes", "--offline", "--skip-proxy-hosts"));
        long[] runs = new long[5];
        for (int i = 0; i < runs.length; i++) {
            long start = System.nanoTime();
            ExternalTool.Result run = ExternalTool.run(repo, argv);
            runs[i] = ms(start);
            assertEquals(0, run.exitCode(), run::output);
            assertTrue(run.output().contains("othing to change"), "the whole-process re-deploy found something to change: "
                    + run.output());
        }
        java.util.Arrays.sort(runs);
        System.out.printf("BENCHMARK Berth re-deploy with nothing to change, whole berth deploy process (median of %d): "
                + "%d ms (goal <= 1500)%n", runs.length, runs[runs.length / 2]);
    }

    private static Answers moved(Answers a, Path dir) {
        StorageAnswers s = a.storage();
        return a.withStorage(new StorageAnswers(dir.resolve("stack").toString(), dir.resolve("data").toString(),
                dir.resolve("stack/config").toString(), s.puid(), s.pgid(), s.timeZone(), s.hardwareTranscoding()));
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

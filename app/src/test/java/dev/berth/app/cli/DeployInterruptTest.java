package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Ctrl-C and SIGTERM in a real {@code berth deploy} process while {@code compose up} runs, and a
 * second deploy of the same stack meanwhile. Radarr's stand-in never turns healthy and Bazarr
 * waits for it, so {@code compose up} stays busy with two containers running and one created:
 * the moment the issue describes.
 */
@NeedsDocker
class DeployInterruptTest {
    @TempDir
    Path tmp;
    private String project;
    private StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = StandInStacks.project();
    }

    @AfterEach
    void tearDown() {
        StandInStacks.remove(project);
    }

    /** Jellyfin, Radarr (with qBittorrent, which it needs) and Bazarr, which waits for Radarr to be healthy. */
    private Answers waitingStack(Answers base) {
        Answers a = StandInStacks.deployable(base.withServices(List.of("jellyfin", "radarr", "bazarr")), tmp, project);
        StandInStacks.breakService("radarr", tmp);
        return a;
    }

    private Path write(Answers answers, String name) throws Exception {
        return Files.writeString(tmp.resolve(name), AnswersFile.write(answers));
    }

    @Test
    void ctrlCDuringComposeUpRemovesTheNewStackAndASecondDeployMeanwhileIsRefusedNamingTheFirst() throws Exception {
        Answers answers = waitingStack(Examples.answers("minimal-jellyfin"));
        Path file = write(answers, "answers.yaml");
        Path stack = Path.of(answers.storage().stackDir());
        Path settings = tmp.resolve("berth-settings");
        try (BerthProcess berth = BerthProcess.start(tmp, List.of("-Dberth.configDir=" + settings), "deploy", "--answers",
                file.toString(), "--yes", "--offline")) {
            awaitComposeUpHalfway(berth);

            // 7c: a second deploy of the same stack, from this process: refused, with the first one named.
            assertEquals(BerthCommand.STACK_BUSY, run("--answers", file.toString(), "--yes", "--offline"), err.toString());
            assertTrue(err.toString().contains("(pid " + berth.pid() + ", Berth "), err.toString());
            assertTrue(err.toString().contains("has been deploying this stack since "), err.toString());
            assertTrue(berth.alive(), "the first deploy goes on");

            // 7b: Ctrl-C, then another one while it undoes: without a terminal it keeps undoing.
            berth.signal("INT");
            berth.awaitErr("Stopping the deploy (SIGINT)", 30);
            berth.signal("INT");
            assertEquals(BerthCommand.CANCELLED, berth.waitFor(300), berth::output);
            String printed = berth.err();
            assertTrue(printed.contains("There is no terminal to ask on, so Berth goes on undoing"), printed);
            assertTrue(printed.contains("undone: Start the stack"), printed);
            assertTrue(printed.contains("Cancelled: the deploy was stopped"), printed);
            assertTrue(printed.contains("Everything it changed was put back as it was."), printed);
        }
        assertEquals(Map.of(), states(), "no container of the stack is left, created or running");
        for (String file1 : List.of("compose.yaml", ".env", "berth.yaml")) {
            assertFalse(Files.exists(stack.resolve(file1)), file1 + " was removed again");
        }
        // A first install that was cancelled leaves no Berth stack, so its log is kept on this computer.
        assertFalse(Files.exists(stack.resolve(".berth")), "nothing of Berth's is left in the stack folder");
        String log = BerthProcess.onlyLocalLog(settings);
        assertTrue(log.contains("undone: Start the stack"), log);
        assertTrue(log.contains("result: cancelled and rolled back"), log);
    }

    @Test
    void sigtermDuringAnUpdateBringsTheOldFilesAndContainersBack() throws Exception {
        Answers before = StandInStacks.deployable(Examples.answers("minimal-jellyfin"), tmp, project);
        assertEquals(0, run("--answers", write(before, "before.yaml").toString(), "--yes", "--offline"), err.toString());
        Path stack = Path.of(before.storage().stackDir());
        byte[] compose = Files.readAllBytes(stack.resolve("compose.yaml"));
        byte[] env = Files.readAllBytes(stack.resolve(".env"));

        Answers bigger = waitingStack(before);
        Map<String, Integer> ports = new TreeMap<>(bigger.portOverrides());
        ports.putAll(before.portOverrides()); // Jellyfin stays on its port
        Path file = write(bigger.withPortOverrides(ports), "bigger.yaml");
        try (BerthProcess berth = BerthProcess.start(tmp, List.of(), "deploy", "--answers", file.toString(), "--yes", "--offline")) {
            awaitComposeUpHalfway(berth);
            berth.signal("TERM");
            assertEquals(BerthCommand.CANCELLED, berth.waitFor(300), berth::output);
            String printed = berth.err();
            assertTrue(printed.contains("Stopping the deploy (SIGTERM)"), printed);
            assertTrue(printed.contains("undone: Make sure no stack in another folder is called"), printed); // RestorePreviousStackJob
            assertTrue(printed.contains("Everything it changed was put back as it was."), printed);
        }
        assertArrayEquals(compose, Files.readAllBytes(stack.resolve("compose.yaml")), "the previous compose.yaml is back");
        assertArrayEquals(env, Files.readAllBytes(stack.resolve(".env")), "the previous .env is back");
        assertEquals(Map.of("jellyfin", "running"), states(), "the previous stack runs again, and only it");
        assertTrue(Files.readString(stack.resolve(".berth/deploy.log")).contains("result: cancelled and rolled back"));
    }

    private int run(String... args) {
        err = new StringWriter();
        CommandLine cli = new CommandLine(new DeployCommand());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** Waits until Jellyfin runs and Bazarr has been created but not started: compose up is waiting for Radarr. */
    private void awaitComposeUpHalfway(BerthProcess berth) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            Map<String, String> states = states();
            if ("running".equals(states.get("jellyfin")) && "created".equals(states.get("bazarr"))) {
                assertTrue(berth.err().contains("Start the stack"), berth::output);
                return;
            }
            if (!berth.alive() || System.nanoTime() > deadline) {
                throw new AssertionError("compose up did not get half-way (containers: " + states + "):\n" + berth.output());
            }
            Thread.sleep(100);
        }
    }

    /** State by Compose service of every container of the project. */
    private Map<String, String> states() throws Exception {
        Map<String, String> states = new TreeMap<>();
        try (LocalTarget t = new LocalTarget()) {
            for (Container c : t.docker().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).exec()) {
                states.put(c.getLabels().get(ComposeLabels.SERVICE), c.getState());
            }
        }
        return states;
    }
}

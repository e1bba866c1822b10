package dev.berth.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Container;
import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.StorageAnswers;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.TestSshd;
import dev.berth.engine.deploy.StandInStacks;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C in a real {@code berth deploy --target ssh://...} process while {@code compose up} runs on
 * the server (the test's own sshd on 127.0.0.1, with this machine's Docker engine behind it).
 */
@NeedsDocker
class DeployInterruptSshTest extends SshdTestBase {
    private String project;

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = StandInStacks.project();
    }

    @AfterEach
    void tearDown() {
        StandInStacks.remove(project);
    }

    @Test
    void ctrlCOverSshStopsComposeUpOnTheServerAndRemovesTheNewStack() throws Exception {
        Path root = sshd.scratch();
        int uid = (Integer) Files.getAttribute(root, "unix:uid");
        Answers a = StandInStacks.deployable(Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "radarr", "bazarr")),
                root, project);
        StandInStacks.breakService("radarr", tmp);
        StorageAnswers s = a.storage();
        a = a.withStorage(new StorageAnswers(s.stackDir(), s.dataRoot(), s.configRoot(), uid, uid, s.timeZone(), false));
        Path file = Files.writeString(tmp.resolve("answers.yaml"), AnswersFile.write(a));
        Path stack = Path.of(a.storage().stackDir());

        // A home of its own for the child Berth: the test user's key where ssh looks for one.
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        Path key = Files.copy(sshd.key("ed25519"), home.resolve(".ssh/id_ed25519"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        try (BerthProcess berth = BerthProcess.start(tmp, List.of("-Duser.home=" + home, "-Dberth.configDir=" + home.resolve("berth-settings")), "deploy", "--answers", file.toString(),
                "--target", "ssh://" + TestSshd.USER + "@127.0.0.1:" + sshd.port(), "--accept-host-key", sshd.hostKeyFingerprint(),
                "--yes", "--offline")) {
            awaitComposeUpHalfway(berth);
            berth.signal("INT");
            assertEquals(BerthCommand.CANCELLED, berth.waitFor(300), berth::output);
            String printed = berth.err();
            assertTrue(printed.contains("Stopping the deploy (SIGINT)"), printed);
            assertTrue(printed.contains("undone: Start the stack"), printed);
            assertTrue(printed.contains("Everything it changed was put back as it was."), printed);
        }
        assertEquals(Map.of(), states(), "no container of the stack is left");
        assertFalse(Files.exists(stack.resolve("compose.yaml")), "compose.yaml was removed again");
        // A first install that was cancelled leaves no Berth stack, so its log is kept on this computer.
        assertFalse(Files.exists(stack.resolve(".berth")), "nothing of Berth's is left in the stack folder");
        assertTrue(BerthProcess.onlyLocalLog(home.resolve("berth-settings")).contains("result: cancelled and rolled back"));
        assertTrue(ps().lines().noneMatch(l -> l.contains(project)), "no Compose process of the stack runs on the server:\n" + ps());
    }

    private static String ps() throws Exception {
        Process p = new ProcessBuilder("ps", "-eo", "args").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private void awaitComposeUpHalfway(BerthProcess berth) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            Map<String, String> states = states();
            if ("running".equals(states.get("jellyfin")) && "created".equals(states.get("bazarr"))) {
                return;
            }
            if (!berth.alive() || System.nanoTime() > deadline) {
                throw new AssertionError("compose up did not get half-way (containers: " + states + "):\n" + berth.output());
            }
            Thread.sleep(100);
        }
    }

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

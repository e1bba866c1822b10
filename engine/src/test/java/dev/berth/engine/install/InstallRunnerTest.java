package dev.berth.engine.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.SshdTestBase;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runner with plans of harmless commands in place of the installer, on this computer and
 * over a real OpenSSH server: the password reaches only the input of the steps that read it,
 * output comes line by line, a failing step stops the plan, and a cancel stops between steps.
 */
class InstallRunnerTest extends SshdTestBase {
    private static final char[] PASSWORD = "pässword with 'quotes' $HOME".toCharArray();
    /** Stands in for sudo -S: reads one line and says whether it was the password, without printing it. */
    private static final String READ_PASSWORD = "IFS= read -r pw; if [ \"$pw\" = \"$1\" ]; then echo password arrived; else exit 9; fi";

    private Target open(String where) throws Exception {
        return where.equals("ssh") ? SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp)) : new LocalTarget();
    }

    /** A file the last step of a plan would make: proof whether it ran. */
    private Path marker(String where) throws Exception {
        return (where.equals("ssh") ? sshd.scratch() : tmp).resolve("ran");
    }

    private static InstallStep step(String purpose, boolean readsPassword, String... argv) {
        return new InstallStep(purpose, List.of(argv), readsPassword);
    }

    private static InstallPlan.Commands plan(InstallStep... steps) {
        return new InstallPlan.Commands("harmless", "0", "0", List.of(steps));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "ssh"})
    void runsEveryStepStreamingItsOutputAndFeedingThePasswordOnlyWhereItIsRead(String where) throws Exception {
        Recorder seen = new Recorder();
        try (Target target = open(where)) {
            InstallRunner.Outcome outcome = new InstallRunner(target).run(plan(
                    step("Check the password", true, "sh", "-c", READ_PASSWORD, "sh", new String(PASSWORD)),
                    step("Print lines", false, "sh", "-c", "printf 'one\\ntwo ✓\\n'; printf 'fetching 10%%\\rfetching 100%%\\n'; echo warning >&2"),
                    step("Read no input", false, "sh", "-c", "if IFS= read -r line; then echo got input; else echo no input; fi")),
                    PASSWORD, seen, () -> false);
            assertInstanceOf(InstallRunner.Outcome.Installed.class, outcome);
        }
        // Output and errors come through two pipes, so where the error line falls among the others may vary.
        int error = seen.events.indexOf("warning");
        assertTrue(error > seen.events.indexOf("2/3 Print lines") && error < seen.events.indexOf("3/3 Read no input"), seen.events::toString);
        List<String> rest = new ArrayList<>(seen.events);
        rest.remove("warning");
        assertEquals(List.of("1/3 Check the password", "password arrived", "2/3 Print lines", "one", "two ✓", "fetching 100%",
                "3/3 Read no input", "no input"), rest);
        assertFalse(String.join("\n", seen.events).contains(new String(PASSWORD)), "the password is never shown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "ssh"})
    void aFailingStepStopsThePlanAndSaysWhichAndWhy(String where) throws Exception {
        Path marker = marker(where);
        Recorder seen = new Recorder();
        InstallRunner.Outcome outcome;
        try (Target target = open(where)) {
            outcome = new InstallRunner(target).run(plan(
                    step("Say hello", false, "echo", "hello"),
                    step("Fetch the key", false, "sh", "-c", "echo 'curl: (6) Could not resolve host' >&2; exit 6"),
                    step("Touch a file", false, "touch", marker.toString())), null, seen, () -> false);
        }
        InstallRunner.Outcome.Failed failed = assertInstanceOf(InstallRunner.Outcome.Failed.class, outcome);
        assertEquals(2, failed.number());
        assertTrue(failed.message().startsWith("Step 2 of 3 (Fetch the key) failed on "), failed.message());
        assertTrue(failed.message().contains(": exit status 6 (curl: (6) Could not resolve host). Nothing after it ran"),
                failed.message());
        assertFalse(Files.exists(marker), "the step after the failed one did not run");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "ssh"})
    void aWrongSudoPasswordIsNamedAsSuch(String where) throws Exception {
        InstallRunner.Outcome outcome;
        try (Target target = open(where)) {
            // What sudo -S prints on a wrong password read from its input.
            outcome = new InstallRunner(target).run(plan(step("Read the package lists", true, "sh", "-c",
                    "read -r pw; echo 'Sorry, try again.' >&2; echo 'sudo: 1 incorrect password attempt' >&2; exit 1")),
                    "wrong".toCharArray(), new Recorder(), () -> false);
        }
        InstallRunner.Outcome.Failed failed = assertInstanceOf(InstallRunner.Outcome.Failed.class, outcome);
        assertTrue(failed.message().contains("sudo did not accept the password, or this user may not use sudo"
                + " (sudo: 1 incorrect password attempt). Check the password, or connect as root."), failed.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "ssh"})
    void aCancelStopsBeforeTheNextStep(String where) throws Exception {
        Path marker = marker(where);
        Recorder seen = new Recorder();
        InstallRunner.Outcome outcome;
        try (Target target = open(where)) {
            outcome = new InstallRunner(target).run(plan(
                    step("Say hello", false, "echo", "hello"),
                    step("Touch a file", false, "touch", marker.toString())), null, seen, () -> seen.events.contains("hello"));
        }
        assertEquals(new InstallRunner.Outcome.Cancelled(1), outcome);
        assertFalse(Files.exists(marker), "the step after the cancel did not run");
    }

    private static final class Recorder implements InstallRunner.Listener {
        final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void stepStarted(int number, int of, InstallStep step) {
            events.add(number + "/" + of + " " + step.purpose());
        }

        @Override
        public void line(String text) {
            events.add(text);
        }
    }
}

package dev.berth.engine.install;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.OutputLines;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs the steps of an {@link InstallPlan.Commands} on a target, one after the other, passing each
 * command's output on line by line as it comes, and stops at the first that fails. Any plan: the
 * runner knows nothing of Docker. A cancel takes effect between steps, as a package manager
 * stopped midway leaves its database to repair. Every step is safe to run again, so after a
 * failure or a cancel the whole plan can simply run once more.
 */
public final class InstallRunner {
    /** Generous: a slow mirror and a Raspberry Pi unpacking Docker's packages take minutes. */
    static final Duration STEP_LIMIT = Duration.ofMinutes(30);
    private static final List<String> SUDO_REFUSALS = List.of("incorrect password", "Sorry, try again",
            "a password is required", "not in the sudoers file", "may not run sudo");

    private final Target target;

    public InstallRunner(Target target) {
        this.target = target;
    }

    /** What the runner tells as it goes; called on the runner's thread. */
    public interface Listener {
        /** A step is about to run; {@code number} counts from 1. */
        void stepStarted(int number, int of, InstallStep step);

        /** One line the command printed (output or error), without its line end. */
        void line(String text);
    }

    /** How a run ended. */
    public sealed interface Outcome {
        record Installed() implements Outcome {
        }

        /** @param message what failed and what to do, for the person */
        record Failed(int number, InstallStep step, String message) implements Outcome {
        }

        record Cancelled(int stepsDone) implements Outcome {
        }
    }

    /**
     * @param password the sudo password when the plan needs one (it reaches only the input of the
     *                 steps that read it, and is never logged); null otherwise
     */
    public Outcome run(InstallPlan.Commands plan, char[] password, Listener listener, BooleanSupplier cancelled) {
        if (plan.needsPassword() && (password == null || password.length == 0)) {
            throw new IllegalArgumentException("this plan runs sudo, which needs the password");
        }
        List<InstallStep> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (cancelled.getAsBoolean()) {
                return new Outcome.Cancelled(i);
            }
            InstallStep step = steps.get(i);
            listener.stepStarted(i + 1, steps.size(), step);
            byte[] input = step.readsPassword() ? passwordLine(password) : new byte[0];
            OutputLines lines = new OutputLines(listener::line);
            ExecResult r;
            try {
                r = target.execStreaming(step.argv(), input, STEP_LIMIT, lines);
            } catch (TargetException e) {
                return failed(i, steps, e.getMessage());
            } finally {
                Arrays.fill(input, (byte) 0);
                lines.end();
            }
            if (!r.ok()) {
                return failed(i, steps, why(r, step));
            }
        }
        return new Outcome.Installed();
    }

    private Outcome.Failed failed(int index, List<InstallStep> steps, String why) {
        InstallStep step = steps.get(index);
        String after = index + 1 < steps.size() ? " Nothing after it ran; every step is safe to run again, so the install "
                + "can simply be started once more." : "";
        return new Outcome.Failed(index + 1, step, "Step " + (index + 1) + " of " + steps.size() + " (" + step.purpose()
                + ") failed on " + target.description() + ": " + why + "." + after);
    }

    private static String why(ExecResult r, InstallStep step) {
        String printed = r.stderr().isBlank() ? r.stdout() : r.stderr();
        if (step.readsPassword() && SUDO_REFUSALS.stream().anyMatch(printed::contains)) {
            return "sudo did not accept the password, or this user may not use sudo (" + lastLine(printed)
                    + "). Check the password, or connect as root";
        }
        if (r.timedOut()) {
            return r.stderr();
        }
        String last = lastLine(printed);
        return "exit status " + r.exitCode() + (last.isEmpty() ? "" : " (" + last + ")");
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** The password and a line end as bytes, without a String that would outlive the run. */
    private static byte[] passwordLine(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] line = new byte[encoded.remaining() + 1];
        encoded.get(line, 0, line.length - 1);
        line[line.length - 1] = '\n';
        Arrays.fill(encoded.array(), (byte) 0);
        return line;
    }
}

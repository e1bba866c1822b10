package dev.berth.engine.check;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Several small programs run by one {@code sh -c} on the target, one after another, each one's
 * output (stdout and stderr) and exit status told apart by a line no program prints. One command
 * instead of one per program: over SSH each command is a session and a login shell start.
 */
final class ProgramBatch {
    private final Map<List<String>, Answer> answers;
    private final long startedNanos;
    private final long endedNanos;

    private record Answer(int status, String output) {
    }

    private ProgramBatch(Map<List<String>, Answer> answers, long startedNanos, long endedNanos) {
        this.answers = answers;
        this.startedNanos = startedNanos;
        this.endedNanos = endedNanos;
    }

    static ProgramBatch run(Target target, List<List<String>> programs, Duration limit) throws TargetException {
        String boundary = "berth-" + UUID.randomUUID();
        StringBuilder script = new StringBuilder();
        for (List<String> argv : programs) {
            // Words quoted for sh; the boundary after each program, on a line of its own, with its status.
            script.append(argv.stream().map(ProgramBatch::quote).collect(Collectors.joining(" ")))
                    .append(" 2>&1 </dev/null; printf '\\n").append(boundary).append(" %s\\n' $?; ");
        }
        long started = FactGatherer.nowNanos();
        ExecResult r = target.exec(List.of("sh", "-c", script.toString()), limit);
        long ended = FactGatherer.nowNanos();
        if (r.timedOut()) {
            throw new TargetException(TargetException.Reason.TIMEOUT, r.stderr());
        }
        Map<List<String>, Answer> answers = new HashMap<>();
        Matcher m = Pattern.compile("\n" + Pattern.quote(boundary) + " (\\d+)\n").matcher(r.stdout());
        int from = 0;
        List<List<String>> left = new ArrayList<>(programs);
        while (m.find() && !left.isEmpty()) {
            answers.put(left.removeFirst(), new Answer(Integer.parseInt(m.group(1)), r.stdout().substring(from, m.start()).strip()));
            from = m.end();
        }
        if (!left.isEmpty()) {
            String why = r.stderr().isBlank() ? "exit status " + r.exitCode() : r.stderr().strip();
            throw new TargetException(TargetException.Reason.OTHER, "sh -c stopped before " + String.join(" ", left.getFirst())
                    + ": " + why);
        }
        return new ProgramBatch(answers, started, ended);
    }

    /** The program's output, trimmed; an exception saying why when it failed. */
    String output(List<String> argv) throws TargetException {
        Answer a = answers.get(argv);
        if (a == null) {
            throw new IllegalArgumentException("not in the batch: " + argv);
        }
        if (a.status() != 0) {
            String err = a.output().isBlank() ? "exit status " + a.status() : a.output();
            throw new TargetException(TargetException.Reason.OTHER, String.join(" ", argv) + " failed: " + err);
        }
        return a.output();
    }

    long startedNanos() {
        return startedNanos;
    }

    long endedNanos() {
        return endedNanos;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

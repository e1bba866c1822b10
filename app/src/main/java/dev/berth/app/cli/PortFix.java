package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.PortOverridesEdit;
import dev.berth.catalog.Catalog;
import dev.berth.engine.check.CheckData;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.CheckRunner;
import dev.berth.engine.check.Checks;
import dev.berth.engine.check.Status;
import dev.berth.engine.target.Target;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code berth check --fix-ports}: takes every free port the port check suggested, writes them
 * into the person's answers file (only its {@code portOverrides} changes), and checks the ports
 * again on the same target, so the person sees the check pass.
 */
final class PortFix {
    private static final String PORTS = "ports";

    private PortFix() {
    }

    /**
     * @param results the check run just made for the answers in {@code file}
     * @return the exit code of the whole check: the port check's new result in place of the old
     */
    static int run(Target t, Path file, List<CheckResult> results, PrintWriter out, PrintWriter err) throws InterruptedException {
        Optional<CheckResult> ports = results.stream().filter(r -> r.checkId().equals(PORTS)).findFirst();
        Optional<CheckData.PortSuggestions> suggestions = ports.flatMap(r -> r.data(CheckData.PortSuggestions.class));
        if (suggestions.isEmpty()) {
            boolean failed = ports.map(r -> r.status() == Status.FAIL).orElse(false);
            out.println(failed ? "--fix-ports: nothing Berth can move; only web UI ports move through portOverrides. "
                    + "Free the ports the fix above names." : "--fix-ports: no port to change; " + file + " is as it was.");
            return CheckCommand.exitCode(results);
        }
        StackPlan plan;
        Map<String, Integer> taken = suggestions.get().portOverrides();
        try {
            Answers answers = AnswersFile.read(file);
            // Planned before anything is written: a file the planner refuses stays as it was.
            plan = new Planner(Catalog.builtIn()).plan(answers.withPortOverrides(suggestions.get().takenInto(answers.portOverrides())), Map.of());
            PortOverridesEdit.apply(file, taken);
        } catch (InvalidAnswersException e) {
            err.println("--fix-ports did not change " + file + ": with the suggested ports the answers are not valid.");
            ProblemPrinter.print(file, e, err);
            return BerthCommand.INVALID_ANSWERS;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return BerthCommand.IO_ERROR;
        } catch (IOException e) {
            err.println("Cannot write " + file + ": " + e.getMessage());
            return BerthCommand.IO_ERROR;
        }
        out.println();
        for (CheckData.PortSuggestions.Move m : suggestions.get().moves()) {
            out.println(m.service() + ": " + m.taken() + " → " + m.free() + " (" + m.purpose() + ")");
        }
        out.println("written to " + file + " (portOverrides; the rest of the file is as it was).");
        out.flush();
        err.println("Checking the ports again ...");
        CheckResult again;
        try (CheckRunner runner = new CheckRunner(t, Checks.all().stream().filter(c -> c.id().equals(PORTS)).toList())) {
            again = runner.run(plan, r -> CheckTable.progress(r, err)).getFirst();
        }
        out.println();
        CheckTable.print(List.of(again), out);
        out.flush();
        List<CheckResult> after = new ArrayList<>(results);
        after.replaceAll(r -> r.checkId().equals(PORTS) ? again : r);
        return CheckCommand.exitCode(after);
    }
}

package dev.berth.app.cli;

import dev.berth.answers.Answers;
import dev.berth.answers.AnswersFile;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import dev.berth.answers.TargetAnswers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What deploy, diff and status share: reading the answers file with messages a person can act
 * on, and the target the answers name when --target is not given.
 */
final class StackCommandInputs {
    private StackCommandInputs() {
    }

    /** The answers, or empty after printing why they cannot be used. */
    static Optional<Answers> readAnswers(Path file, PrintWriter err) {
        try {
            return Optional.of(AnswersFile.read(file));
        } catch (InvalidAnswersException e) {
            printProblems(file, e, err);
            return Optional.empty();
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("Cannot find " + e.getFile() + ". Nothing was changed.");
            return Optional.empty();
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage() + ". Nothing was changed.");
            return Optional.empty();
        }
    }

    static void printProblems(Object source, InvalidAnswersException e, PrintWriter err) {
        err.println("The answers in " + source + " cannot be used yet. Nothing was changed.");
        for (Problem p : e.problems()) {
            err.println("  - " + p);
        }
        err.println("Fix these in the answers file and run the command again.");
    }

    /** --target when given, else the machine the answers name. */
    static TargetSpec target(String option, String acceptHostKey, Answers answers) {
        if (option != null) {
            return TargetSpec.parse(option, acceptHostKey);
        }
        // Answers not validated yet may lack a target; the planner names that problem later.
        TargetAnswers t = answers == null || answers.target() == null ? TargetAnswers.LOCAL : answers.target();
        if (t.kind() == TargetAnswers.Kind.SSH && t.host() != null) {
            return new TargetSpec.Ssh(t.user(), t.host(), t.port() == null ? 0 : t.port(), acceptHostKey);
        }
        return TargetSpec.parse("local", acceptHostKey);
    }
}

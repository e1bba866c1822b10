package dev.berth.app.cli;

import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.Problem;
import java.io.PrintWriter;

/**
 * The one way the command line shows answers that cannot be used: where they came from, each
 * problem with its field first (the path into the answers file, so the person finds the line),
 * and what to do next. Every command prints them here, so a script or a person reads one format.
 */
final class ProblemPrinter {
    private ProblemPrinter() {
    }

    /** @param source the answers file, or the berth.yaml of a stack folder, as the person named it */
    static void print(Object source, InvalidAnswersException e, PrintWriter err) {
        err.println("The answers in " + source + " cannot be used yet. Nothing was changed.");
        for (Problem p : e.problems()) {
            err.println("  - " + (p.field().isEmpty() ? p.message() : p.field() + ": " + p.message()));
        }
        err.println("Fix these in the answers file and run the command again.");
    }
}

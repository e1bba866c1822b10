package dev.berth.engine.check;

import dev.berth.engine.target.TargetException;

/**
 * One thing to find out about a target. Implementations are small and stateless apart from
 * what they are built with, so the runner can run them in parallel and again.
 */
public interface Check {
    /** Inputs of a check that reads no answers: never changes, so never re-run for new answers. */
    Object NO_INPUTS = java.util.List.of();

    /** A stable id, e.g. {@code ports}. */
    String id();

    /** What the table shows, e.g. "Host ports". */
    String title();

    /** Whether it needs a plan (answers); without one the runner reports it as SKIP. */
    default boolean needsPlan() {
        return true;
    }

    /**
     * Exactly the answers (or plan values) the result depends on, as a value with {@code equals}
     * (a record or list): the runner re-runs the check only when this changes.
     */
    Object inputs(CheckInputs in);

    /**
     * Finds out. A {@link TargetException} or other failure becomes a FAIL with its message; an
     * interrupt means the run was cancelled or timed out.
     */
    CheckResult run(CheckContext ctx) throws TargetException, InterruptedException;
}

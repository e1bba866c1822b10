package dev.berth.engine.target;

/**
 * What a program printed and how it ended.
 *
 * @param exitCode the exit status; {@link #TIMED_OUT} when it was stopped at its time limit,
 *                 {@link #CANCELLED} when it was stopped because the person cancelled
 */
public record ExecResult(int exitCode, String stdout, String stderr) {
    public static final int TIMED_OUT = -1;
    public static final int CANCELLED = -2;

    public boolean ok() {
        return exitCode == 0;
    }

    public boolean timedOut() {
        return exitCode == TIMED_OUT;
    }

    public boolean cancelled() {
        return exitCode == CANCELLED;
    }
}

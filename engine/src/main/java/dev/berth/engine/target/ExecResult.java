package dev.berth.engine.target;

/**
 * What a program printed and how it ended.
 *
 * @param exitCode the exit status; {@link #TIMED_OUT} when it was stopped at its time limit
 */
public record ExecResult(int exitCode, String stdout, String stderr) {
    public static final int TIMED_OUT = -1;

    public boolean ok() {
        return exitCode == 0;
    }

    public boolean timedOut() {
        return exitCode == TIMED_OUT;
    }
}

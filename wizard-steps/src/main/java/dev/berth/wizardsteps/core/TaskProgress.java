package dev.berth.wizardsteps.core;

/** What running work may tell the UI. Safe to call from the worker thread. */
public interface TaskProgress {
    /** A line saying what is happening now, e.g. "Connecting to nas.local". */
    void message(String text);

    /** How far along, from 0 to 1. */
    void fraction(double done);

    /** Runs on the UI thread (dropped once the task is cancelled): to stream partial results. */
    void ui(Runnable update);

    /** Whether the task was cancelled; long loops should stop. */
    boolean cancelled();
}

package dev.berth.engine.deploy;

/**
 * One step of a deployment (the command pattern): it can be done, and undone after a later step
 * failed. The Review screen lists the descriptions before anything runs.
 *
 * <p>Contract: {@link #undo} is called for every job whose {@link #execute} was started,
 * including the one that failed, so a job must remember what it actually did and undo only that
 * (a write that failed at the fourth file restores the first three). Undo must not throw for
 * work that was never done.
 */
public interface Job {
    /** One line for the Review screen: "Write 14 files to /opt/berth". */
    String description();

    void execute(JobContext context) throws Exception;

    void undo(JobContext context) throws Exception;
}

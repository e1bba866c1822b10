package dev.berth.engine.deploy;

/**
 * A job whose work is all in its undo: going forward it changes nothing on the target. It only
 * looks ({@link #prepare}: notes what its undo will need, and may refuse to go on), and it stands
 * in the list at the place where, during a rollback in reverse order, its undo must run. The
 * Review page and the CLI list it like any other step, by its description.
 *
 * <p>{@link RestorePreviousStackJob} is one: placed before the files are written, its undo brings
 * the previous stack back up once the file job's undo has put the previous files back.
 */
public interface UndoOnlyJob extends Job {
    /** Looks at the target and remembers what {@link #undo} will need; changes nothing there. */
    void prepare(JobContext context) throws Exception;

    /** Going forward an undo-only job only prepares. */
    @Override
    default void execute(JobContext context) throws Exception {
        prepare(context);
    }
}

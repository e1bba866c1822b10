package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import dev.berth.engine.target.TargetException;
import java.time.Duration;

/**
 * A job placed in the job list BEFORE the file writing job, whose only work is in undo (an
 * {@link UndoOnlyJob}): when
 * a re-deploy fails after new files were written (or after {@code up} replaced containers), the
 * rollback runs in reverse, so by the time it reaches this job the file job's undo has already put
 * the previous {@code compose.yaml} and {@code .env} back. Running {@code up -d --remove-orphans}
 * then recreates exactly the previous stack: containers changed by the failed attempt go back to
 * their old settings, services it added are removed as orphans, untouched ones stay running.
 *
 * <p>Going forward it only refuses another folder's stack of the same project name and notes
 * whether a stack is running: on a first install there is nothing to bring
 * back (and {@link ComposeUpJob}'s undo removes the new containers instead).
 */
public final class RestorePreviousStackJob implements UndoOnlyJob {
    private final ComposeTool compose;
    private final String project;
    private final String stackDir;
    private final Duration timeout;
    private volatile boolean hadStack;

    public RestorePreviousStackJob(ComposeTool compose, String project, String stackDir, Duration timeout) {
        this.compose = compose;
        this.project = project;
        this.stackDir = stackDir;
        this.timeout = timeout;
    }

    public RestorePreviousStackJob(ComposeTool compose, String project, String stackDir) {
        this(compose, project, stackDir, ComposeUpJob.DEFAULT_TIMEOUT);
    }

    @Override
    public String description() {
        return "Make sure no stack in another folder is called '" + project + "', and remember the running stack in "
                + stackDir + ", to bring it back if the deploy fails";
    }

    @Override
    public void prepare(JobContext context) throws TargetException {
        // The first job that looks at the project: refusing here, before any folder or file is written.
        ProjectGuard.requireOwnProject(context.target(), project, stackDir);
        hadStack = StackContainers.exists(context.target(), project);
    }

    @Override
    public void undo(JobContext context) throws TargetException {
        if (!hadStack) {
            return;
        }
        ProjectGuard.requireOwnProject(context.target(), project, stackDir);
        ComposeRun.run(context.target(), compose.argv(project, stackDir, "up", "-d", "--remove-orphans"), timeout,
                "Bringing the previous stack back (" + String.join(" ", compose.prefix()) + " up)", context::cancelled);
    }

    public boolean hadStack() {
        return hadStack;
    }
}

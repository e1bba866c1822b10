package dev.berth.engine.deploy;

import dev.berth.engine.stack.Job;
import dev.berth.engine.stack.JobContext;
import dev.berth.engine.target.TargetException;
import java.time.Duration;

/**
 * {@code compose up -d --remove-orphans} on the stack folder. Compose itself decides what to
 * recreate: a container whose configuration did not change is left running, so deploying the
 * same files twice recreates nothing, and {@code --remove-orphans} removes services no longer in
 * the file. A cancel stops {@code up} where it is (two containers running, one created, say);
 * the undo then deals with whatever it got to.
 *
 * <p>Undo depends on whether the stack existed before. On a first install it runs
 * {@code down --remove-orphans}, so a failed first deploy leaves no half-started stack behind;
 * never {@code down -v}: named volumes may already hold data, and Berth never deletes data. On a
 * re-run it does nothing here: bringing the previous stack back needs the previous files, which
 * only exist again once the file job has been undone, so that is {@link RestorePreviousStackJob}'s
 * undo, which runs later in the (reverse-order) rollback.
 */
public final class ComposeUpJob implements Job {
    /** Generous: up may still be creating networks or waiting for healthy dependencies on a slow NAS. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(5);

    private final ComposeTool compose;
    private final String project;
    private final String stackDir;
    private final Duration timeout;
    /** Set by execute: undo only removes a stack this job was the first to start. */
    private volatile boolean firstInstall;

    public ComposeUpJob(ComposeTool compose, String project, String stackDir, Duration timeout) {
        this.compose = compose;
        this.project = project;
        this.stackDir = stackDir;
        this.timeout = timeout;
    }

    public ComposeUpJob(ComposeTool compose, String project, String stackDir) {
        this(compose, project, stackDir, DEFAULT_TIMEOUT);
    }

    @Override
    public String description() {
        return "Start the stack '" + project + "' with " + String.join(" ", compose.prefix())
                + " (only containers whose settings changed are recreated)";
    }

    @Override
    public void execute(JobContext context) throws TargetException {
        // Decided before up: afterwards every stack has containers.
        firstInstall = !StackContainers.exists(context.target(), project);
        ComposeRun.run(context.target(), compose.argv(project, stackDir, "up", "-d", "--remove-orphans"), timeout,
                "Starting the stack (" + String.join(" ", compose.prefix()) + " up)", context::cancelled);
    }

    @Override
    public void undo(JobContext context) throws TargetException {
        if (!firstInstall) {
            return; // see the class comment: RestorePreviousStackJob brings the old stack back
        }
        ComposeRun.run(context.target(), compose.argv(project, stackDir, "down", "--remove-orphans"), DOWN_TIMEOUT,
                "Removing the half-started stack (" + String.join(" ", compose.prefix()) + " down)", context::cancelled);
        firstInstall = false;
    }

    /** For tests and the report: whether the last execute found no previous stack. */
    public boolean firstInstall() {
        return firstInstall;
    }
}

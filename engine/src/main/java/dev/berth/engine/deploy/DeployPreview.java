package dev.berth.engine.deploy;

import dev.berth.engine.stack.Job;
import dev.berth.engine.stack.StackDiff;
import dev.berth.engine.stack.StackState;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedStack;
import java.util.List;

/**
 * What a deploy would do, worked out without changing anything: the plan, the files, the diff
 * against the folder as it is, and the jobs in the order they will run (the Review screen lists
 * their descriptions). A preview is used for one deploy: its jobs remember what they did so they
 * can undo it.
 *
 * @param before the stack folder as it was read (its answers and secrets were reused)
 * @param compose the Compose the target has, found once
 */
public record DeployPreview(StackState before, StackPlan plan, RenderedStack rendered, StackDiff diff,
                            List<Job> jobs, ComposeTool compose, DeployOptions options) {
    public DeployPreview {
        jobs = List.copyOf(jobs);
    }

    /** No stack was there before: a failure removes what was created instead of restoring a previous stack. */
    public boolean firstInstall() {
        return !before.isBerthStack();
    }

    public String stackDir() {
        return before.dir();
    }
}

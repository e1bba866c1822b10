package dev.berth.engine.deploy;

import dev.berth.engine.check.ProjectClash;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;

/**
 * The project-name check once more, right where Compose could do the damage: before any
 * {@code up} or {@code down}, a deploy refuses when containers of its project were started from
 * another folder that still exists. The preflight's check stops such a deploy first; this holds
 * when the checks were skipped (a job list without the preflight) or another stack took the name
 * in between, because {@code --remove-orphans} would otherwise remove that stack's containers.
 */
final class ProjectGuard {
    private ProjectGuard() {
    }

    static void requireOwnProject(Target target, String project, String stackDir) throws TargetException {
        ProjectClash clash = ProjectClash.find(target, project, stackDir);
        if (clash.blocks()) {
            throw new TargetException(TargetException.Reason.OTHER, clash.problem()
                    + ". Compose was not run, so the other stack is as it was. " + clash.fix() + ".");
        }
    }
}

package dev.berth.engine.check;

import dev.berth.answers.Answers;
import dev.berth.engine.target.TargetException;

/**
 * The stack's Compose project name is not used by a stack in another folder on the target.
 * Compose finds a stack's containers by this name alone, so a second stack with the same name
 * would remove the first one's containers ({@code --remove-orphans}) and replace the ones both
 * name. The labels Compose puts on each container say which folder it came from.
 */
public final class ProjectNameCheck implements Check {
    record Inputs(String projectName, String stackDir) {
    }

    @Override
    public String id() {
        return "project-name";
    }

    @Override
    public String title() {
        return "Stack name";
    }

    @Override
    public Object inputs(CheckInputs in) {
        return in.answers().filter(a -> a.storage() != null && a.storage().stackDir() != null)
                .map(a -> new Inputs(a.projectName(), TargetPaths.normalize(a.storage().stackDir()))).orElse(null);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
        Answers a = ctx.requirePlan().answers();
        String name = a.projectName();
        ComposeProjects projects = ComposeProjects.on(ctx.target());
        ProjectClash clash = ProjectClash.find(ctx.target(), projects, name, a.storage().stackDir());
        CheckData data = new CheckData.ProjectNames(projects, clash.freeName());
        String why = "Compose knows a stack only by its project name: a deploy removes or replaces every container "
                + "of that name, whatever folder it came from.";
        if (clash.blocks()) {
            return CheckResult.of(this, Status.FAIL, clash.problem(), why, clash.fix()).withData(data);
        }
        if (!clash.gone().isEmpty()) {
            return CheckResult.of(this, Status.WARN, "Containers of '" + name + "' were started from "
                    + String.join(" and ", clash.gone().keySet()) + ", which no longer exists: deploying replaces them",
                    why + " A stack folder that was moved here leaves its containers like this.",
                    "If that folder held another stack, give this one a name of its own: projectName: " + clash.freeName()
                            + " in the answers file (in the wizard: the Stack name field on the Storage page)").withData(data);
        }
        int own = projects.ownContainers(name, clash.stackDir());
        String summary = own == 0 ? "No other stack on " + ctx.target().description() + " is called '" + name + "'"
                : "'" + name + "' is this stack's own name (" + own + (own == 1 ? " container" : " containers")
                + " from " + clash.stackDir() + ")";
        return CheckResult.pass(this, summary, why).withData(data);
    }
}

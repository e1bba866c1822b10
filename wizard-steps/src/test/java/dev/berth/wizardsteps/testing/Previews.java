package dev.berth.wizardsteps.testing;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.Job;
import dev.berth.engine.stack.StackDiff;
import dev.berth.engine.stack.StackState;
import dev.berth.plan.Planner;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedStack;
import dev.berth.render.Renderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploy previews made from the real planner and renderer without a target: for the tests of
 * what the Deploy and Done pages show, which need a preview but not a Docker engine.
 */
public final class Previews {
    private Previews() {
    }

    /**
     * @param previousSecrets the secrets of the stack "already there" (none: a new stack)
     * @param jobs            the jobs the deploy would run
     */
    public static DeployPreview of(Answers answers, Map<String, String> previousSecrets, List<Job> jobs) {
        StackPlan plan = new Planner(Catalog.builtIn()).plan(answers, previousSecrets);
        RenderedStack rendered = new Renderer().render(plan);
        String dir = answers.storage().stackDir();
        StackState before = new StackState(dir, previousSecrets.isEmpty() ? StackState.Kind.MISSING : StackState.Kind.BERTH,
                Optional.empty(), new java.util.TreeMap<>(previousSecrets), Map.of());
        return new DeployPreview(before, plan, rendered, StackDiff.between(before, rendered), jobs, ComposeTool.PLUGIN,
                DeployOptions.DEFAULT);
    }
}

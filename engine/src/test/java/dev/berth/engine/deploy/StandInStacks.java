package dev.berth.engine.deploy;

import dev.berth.answers.Answers;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.Target;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.nio.file.Path;
import java.util.Map;

/**
 * For tests outside the engine (the CLI, the wizard): an example's answers made deployable on
 * this machine's engine with stand-in images, and the clean-up after. Needs the Docker engine;
 * call {@link dev.berth.engine.RequiresDocker#engine()} first.
 */
public final class StandInStacks {
    private StandInStacks() {
    }

    /** A project name no other test run uses. */
    public static String project() {
        return DeployFixtures.project();
    }

    /**
     * {@code base} with every folder under {@code root}, the given project name, free host ports,
     * and the stand-in image of each planned service built.
     */
    public static Answers deployable(Answers base, Path root, String project) {
        Answers a = DeployFixtures.answers(base, root, project);
        new StandInImages(root).build(DeployFixtures.plan(a).services().stream().map(PlannedService::definition).toList());
        return a;
    }

    /**
     * Writes the plan's files and starts it with Compose, as a deploy's file and Compose jobs do, and
     * nothing after (no health wait, wiring or VPN proof): the stack exactly as Compose runs it.
     */
    public static DeploymentResult up(Target target, StackPlan plan, ComposeTool compose) throws Exception {
        return DeployFixtures.deploy(target, plan, compose);
    }

    /** Container id by Compose service name, for "nothing was recreated". */
    public static Map<String, String> containerIds(String project) throws Exception {
        try (LocalTarget t = new LocalTarget()) {
            return DeployFixtures.containerIds(t, project);
        }
    }

    /** Removes the project's containers, networks and named volumes. */
    public static void remove(String project) {
        try (LocalTarget t = new LocalTarget()) {
            DeployFixtures.removeProject(t, project);
        }
    }

    /** Makes the stand-in of one service never turn healthy (under its real image name) until {@link #repair}. */
    public static void breakService(String service, Path root) {
        var def = dev.berth.catalog.Catalog.builtIn().get(service);
        new StandInImages(root).buildFailing(def, StandInImages.Failure.NEVER_HEALTHY, def.image().reference());
    }

    public static void repair(String service, Path root) {
        new StandInImages(root).build(dev.berth.catalog.Catalog.builtIn().get(service));
    }
}

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
     * As {@link #deployable}, with each app on its own default web port (Jellyfin's 8096, Sonarr's
     * 8989, ...) where that port is free on this machine now, and on a free one otherwise: what a
     * person deploying these answers would see, for the user guide's pictures. The ports still come
     * from the answers' {@code portOverrides}: a default port is simply not overridden.
     */
    public static Answers deployableOnDefaultPorts(Answers base, Path root, String project) {
        Answers a = deployable(base, root, project);
        Map<String, Integer> defaults = new java.util.HashMap<>();
        for (PlannedService svc : DeployFixtures.plan(a.withPortOverrides(Map.of())).services()) {
            defaults.put(svc.definition().id(), svc.hostWebPort());
        }
        Map<String, Integer> overrides = new java.util.TreeMap<>(a.portOverrides());
        overrides.keySet().removeIf(id -> defaults.containsKey(id) && freeNow(defaults.get(id)));
        return a.withPortOverrides(overrides);
    }

    /** Whether nothing listens on the port (on any address) at this moment. */
    private static boolean freeNow(int port) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
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

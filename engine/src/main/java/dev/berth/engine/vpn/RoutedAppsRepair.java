package dev.berth.engine.vpn;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.vpn.RoutedContainers.NetworkUnreadable;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings routed apps back into Gluetun's network after Gluetun restarted or was recreated without
 * them. An app with {@code network_mode: service:gluetun} joins the namespace Gluetun had when the
 * app started: when the engine restarts Gluetun (a crash, {@code docker restart}, a reboot's order)
 * Gluetun gets a new namespace and the app keeps the old one, which has only {@code lo} left; when
 * Gluetun is recreated the app even points at a container that no longer exists. Either way the app
 * is cut off for good (the kill switch holds, but nothing downloads) until it is restarted, or
 * recreated when its Gluetun is gone, since a restart cannot join a removed container.
 *
 * <p>Only apps that run are brought back: one that is stopped was stopped by the person, or by the
 * VPN proof after a leak, and stays so. Nothing happens while Gluetun itself is not running and
 * healthy, as there is no namespace to join yet.
 */
public final class RoutedAppsRepair {
    /** Recreating waits for the app's own start; Compose itself gives up long before on a dead engine. */
    private static final Duration RECREATE_LIMIT = Duration.ofMinutes(5);
    private static final int RESTART_GRACE_SECONDS = 10;

    private final Target target;

    public RoutedAppsRepair(Target target) {
        this.target = target;
    }

    /**
     * Restarts or recreates the routed apps that lost Gluetun's network.
     *
     * @return the services brought back, in the plan's order; empty when there was nothing to do
     *         (then nothing was changed)
     * @throws TargetException when the engine cannot be asked, or Compose failed to recreate an app
     *                         (the message names the apps and the command to run by hand)
     */
    public List<String> repair(StackPlan plan) throws TargetException {
        Optional<PlannedService> gatewayService = RoutedContainers.gateway(plan);
        List<PlannedService> routed = RoutedContainers.routed(plan);
        if (gatewayService.isEmpty() || routed.isEmpty()) {
            return List.of();
        }
        RoutedContainers containers = new RoutedContainers(target, plan.projectName());
        Optional<InspectContainerResponse> gateway = containers.container(gatewayService.get().name());
        if (gateway.isEmpty() || !RoutedContainers.runningAndHealthy(gateway.get())) {
            return List.of();
        }
        String gatewayId = gateway.get().getId();
        Optional<String> gatewayNamespace = Optional.empty();
        Map<String, String> restart = new LinkedHashMap<>(); // service → container id
        List<String> recreate = new ArrayList<>();
        for (PlannedService app : routed) {
            Optional<InspectContainerResponse> c = containers.container(app.name());
            if (c.isEmpty() || !RoutedContainers.running(c.get())) {
                continue;
            }
            Optional<String> joined = RoutedContainers.joinedContainer(c.get());
            if (joined.isEmpty()) {
                continue; // a network of its own: not a lost namespace but a leak, which the proof's checks report
            }
            if (!joined.get().equals(gatewayId)) {
                recreate.add(app.name());
                continue;
            }
            // Gluetun gets a new namespace only when it starts, and an app joins the one Gluetun has when the
            // app starts: one started after Gluetun holds Gluetun's namespace, so only the others are looked at
            // from inside (the proof reads every namespace anyway, and a healthy stack costs no exec here).
            if (!startedBefore(c.get(), gateway.get())) {
                continue;
            }
            if (gatewayNamespace.isEmpty()) {
                gatewayNamespace = namespace(containers, gateway.get());
            }
            Optional<String> own = namespace(containers, c.get());
            boolean lost = own.isEmpty() || gatewayNamespace.isEmpty() || !own.equals(gatewayNamespace);
            if (lost) {
                restart.put(app.name(), c.get().getId());
            }
        }
        for (String id : restart.values()) {
            target.docker().restartContainerCmd(id).withTimeout(RESTART_GRACE_SECONDS).exec();
        }
        if (!recreate.isEmpty()) {
            recreate(plan, recreate);
        }
        return routed.stream().map(PlannedService::name).filter(n -> restart.containsKey(n) || recreate.contains(n)).toList();
    }

    /**
     * When a namespace cannot be read from inside (an image without {@code sh}), the engine's start
     * times decide: an app joins the namespace its Gluetun has when the app starts, and Gluetun gets a
     * new one each time it starts, so an app started before its Gluetun holds a namespace that is gone.
     */
    private static boolean startedBefore(InspectContainerResponse app, InspectContainerResponse gateway) {
        return Instant.parse(app.getState().getStartedAt()).isBefore(Instant.parse(gateway.getState().getStartedAt()));
    }

    /** The namespace a container is in, read from inside; empty when it cannot be read. */
    private static Optional<String> namespace(RoutedContainers containers, InspectContainerResponse c) throws TargetException {
        try {
            return containers.look(c).namespace();
        } catch (NetworkUnreadable e) {
            return Optional.empty();
        }
    }

    /**
     * {@code compose up -d --no-deps --force-recreate <apps>} in the stack's folder: Compose makes the
     * apps again from the stack's own file, joined to the Gluetun container that runs now. Forced,
     * since to Compose their settings did not change.
     */
    private void recreate(StackPlan plan, List<String> apps) throws TargetException {
        ComposeTool compose = ComposeTool.detect(target);
        String dir = plan.answers().storage().stackDir();
        List<String> args = new ArrayList<>(List.of("up", "-d", "--no-deps", "--force-recreate"));
        args.addAll(apps);
        List<String> argv = compose.argv(plan.projectName(), dir, args.toArray(String[]::new));
        ExecResult r = target.exec(argv, RECREATE_LIMIT);
        if (!r.ok()) {
            String said = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
            List<String> lines = said.lines().toList();
            throw new TargetException(r.timedOut() ? TargetException.Reason.TIMEOUT : TargetException.Reason.OTHER,
                    "Recreating " + String.join(", ", apps) + " in Gluetun's new network on " + target.description()
                            + (r.timedOut() ? " did not finish in time" : " failed (exit " + r.exitCode() + "):\n"
                            + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size())))
                            + "\nThey have no network until then: run '" + String.join(" ", argv) + "' on "
                            + target.description() + ", or deploy again");
        }
    }
}

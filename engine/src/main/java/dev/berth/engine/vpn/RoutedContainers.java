package dev.berth.engine.vpn;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.Placement;
import dev.berth.plan.StackPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The containers of a stack's VPN gateway and of the apps routed through it, as the engine has
 * them now, and a look at one container's network from inside.
 */
final class RoutedContainers {
    /** One exec of a few shell built-ins; a container that takes longer is not answering. */
    private static final Duration LOOK_LIMIT = Duration.ofSeconds(20);
    private static final String JOINED = "container:";

    private final Target target;
    private final String project;

    RoutedContainers(Target target, String project) {
        this.target = target;
        this.project = project;
    }

    /** The service that holds the namespace the routed apps join (the catalog's {@code vpnGateway}). */
    static Optional<PlannedService> gateway(StackPlan plan) {
        return plan.services().stream().filter(s -> s.definition().vpnGateway() != null).findFirst();
    }

    /** The services placed in the gateway's namespace ({@code network_mode: service:gluetun}). */
    static List<PlannedService> routed(StackPlan plan) {
        return plan.services().stream().filter(s -> s.placement() == Placement.VPN).toList();
    }

    /**
     * The service's container as inspected now; empty when it has none. Found by Compose's labels, as
     * everywhere in Berth; when a recreate left two for a moment, the running one wins.
     */
    Optional<InspectContainerResponse> container(String service) throws TargetException {
        List<Container> found = target.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ComposeLabels.PROJECT, project, ComposeLabels.SERVICE, service)).exec();
        Optional<Container> chosen = found.stream().filter(c -> "running".equals(c.getState())).findFirst()
                .or(() -> found.stream().findFirst());
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(target.docker().inspectContainerCmd(chosen.get().getId()).exec());
        } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
            return Optional.empty(); // removed between the list and the inspect
        }
    }

    static boolean running(InspectContainerResponse c) {
        return Boolean.TRUE.equals(c.getState().getRunning());
    }

    /** Running, and healthy when it has a health check: a namespace others can join for good. */
    static boolean runningAndHealthy(InspectContainerResponse c) {
        var health = c.getState().getHealth();
        return running(c) && (health == null || "healthy".equals(health.getStatus()));
    }

    /** The id of the container whose namespace this one joined, or empty when it has a network of its own. */
    static Optional<String> joinedContainer(InspectContainerResponse c) {
        String mode = c.getHostConfig() == null ? null : c.getHostConfig().getNetworkMode();
        return mode != null && mode.startsWith(JOINED) ? Optional.of(mode.substring(JOINED.length())) : Optional.empty();
    }

    /**
     * What the container's network looks like from inside it.
     *
     * @throws NetworkUnreadable when the container could not be asked (it stopped, or its image has no {@code sh})
     */
    NetworkView look(InspectContainerResponse c) throws TargetException, NetworkUnreadable {
        ExecResult r = target.exec(NetworkView.probe(c.getId()), LOOK_LIMIT);
        if (!r.ok()) {
            String said = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
            throw new NetworkUnreadable(r.timedOut() ? "it did not answer within " + LOOK_LIMIT.toSeconds() + " s"
                    : "docker exec answered: " + (said.isEmpty() ? "exit " + r.exitCode() : said.lines().findFirst().orElse(said)));
        }
        return NetworkView.parse(r.stdout());
    }

    /** A container whose network could not be read from inside; the message says why. */
    static final class NetworkUnreadable extends Exception {
        NetworkUnreadable(String message) {
            super(message);
        }
    }
}

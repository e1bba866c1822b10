package dev.berth.engine.wire;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.target.LoopbackTunnel;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.Map;

/**
 * Where this computer reaches a service's web port, to call its API. An interface so the wiring
 * can be pointed at test doubles on loopback ports; {@link #onTarget} is the real one.
 */
public interface ServiceAddresses {
    /**
     * A way from this computer to the service's web port. Close it when done.
     *
     * @throws TargetException when the service's container is not there, or the target cannot forward to it
     */
    LoopbackTunnel open(PlannedService service) throws TargetException;

    /**
     * The services of a deployed stack as the target reaches them: the published host port on the
     * target's 127.0.0.1 when there is one; else (an app behind Authelia publishes none) the
     * container's address on the stack's network, read from the Docker engine, and the port it
     * listens on there. A VPN-routed app shares gluetun's network: it is reached at gluetun's
     * container. Over SSH the connection goes through the SSH session to that address.
     */
    static ServiceAddresses onTarget(Target target, String project) {
        return service -> {
            if (service.hostWebPort() > 0) {
                return target.openTunnel(service.hostWebPort());
            }
            return target.openTunnel(containerAddress(target, project, service.address()), service.webPort());
        };
    }

    /** Doubles listening on this computer: service name → loopback port. */
    static ServiceAddresses loopback(Map<String, Integer> ports) {
        return service -> {
            Integer port = ports.get(service.name());
            if (port == null) {
                throw new TargetException(TargetException.Reason.REFUSED, "nothing stands in for " + service.name());
            }
            return LoopbackTunnel.direct(port);
        };
    }

    private static String containerAddress(Target target, String project, String composeService) throws TargetException {
        // By Compose's labels, as the deploy finds a project's containers (never by name: v1 and v2 name them differently).
        Container container = target.docker().listContainersCmd().withLabelFilter(Map.of(ComposeLabels.PROJECT, project)).exec().stream()
                .filter(c -> composeService.equals(c.getLabels().get(ComposeLabels.SERVICE)))
                .findFirst()
                .orElseThrow(() -> new TargetException(TargetException.Reason.OTHER, "The container of " + composeService
                        + " (project " + project + ") is not on " + target.description()
                        + ": deploy the stack again, or start it with docker compose up -d in the stack folder."));
        Map<String, ContainerNetwork> networks = target.docker().inspectContainerCmd(container.getId()).exec()
                .getNetworkSettings().getNetworks();
        // Compose names the stack's network <project>_berth; any other network of the container is the person's.
        ContainerNetwork network = networks.get(project + "_" + StackPlan.NETWORK);
        if (network == null || network.getIpAddress() == null || network.getIpAddress().isEmpty()) {
            throw new TargetException(TargetException.Reason.OTHER, "The container of " + composeService + " has no address on the"
                    + " network " + project + "_" + StackPlan.NETWORK + " (is it running?): start the stack again with berth deploy.");
        }
        return network.getIpAddress();
    }
}

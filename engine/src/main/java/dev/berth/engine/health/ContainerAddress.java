package dev.berth.engine.health;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.util.Map;
import java.util.Optional;

/**
 * A container's address on its Compose project's network, as the engine reports it, for probing an
 * app that publishes no host port. On Linux the host reaches its bridge networks directly; where it
 * cannot (Docker Desktop's VM), the probe there just gets no answer.
 */
final class ContainerAddress {
    private ContainerAddress() {
    }

    /**
     * @return the address, or empty when the container is gone, has none, or the engine cannot be
     *         asked (the probe then has nothing to ask, and Docker's own health check decides)
     */
    static Optional<String> of(Target target, String project, String containerId) {
        try {
            InspectContainerResponse c = target.docker().inspectContainerCmd(containerId).exec();
            String mode = c.getHostConfig() == null ? null : c.getHostConfig().getNetworkMode();
            if (mode != null && mode.startsWith("container:")) {
                // A VPN-routed app shares Gluetun's network namespace: it answers at Gluetun's address.
                c = target.docker().inspectContainerCmd(mode.substring("container:".length())).exec();
            }
            return address(c, project);
        } catch (TargetException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The stack's own network first; else any network the container has an address on. */
    private static Optional<String> address(InspectContainerResponse c, String project) {
        if (c.getNetworkSettings() == null || c.getNetworkSettings().getNetworks() == null) {
            return Optional.empty();
        }
        Map<String, ContainerNetwork> networks = c.getNetworkSettings().getNetworks();
        return networks.entrySet().stream()
                .sorted((a, b) -> Boolean.compare(b.getKey().startsWith(project + "_"), a.getKey().startsWith(project + "_")))
                .map(e -> e.getValue().getIpAddress())
                .filter(ip -> ip != null && !ip.isEmpty())
                .findFirst();
    }
}

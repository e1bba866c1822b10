package dev.berth.plan;

import dev.berth.catalog.PortSpec.Protocol;

/**
 * A port published on the host.
 *
 * @param hostPort      the port on the target machine
 * @param containerPort the port inside the container (or the VPN namespace)
 * @param protocol      tcp or udp
 * @param forService    the service that listens, which may differ from the container that
 *                      publishes it (VPN-routed apps publish on gluetun)
 * @param purpose       what the port is for, for the summary
 */
public record PublishedPort(int hostPort, int containerPort, Protocol protocol, String forService, String purpose) {
    /** Compose short syntax, e.g. {@code 8080:8080/tcp}. */
    public String composeSpec() {
        return hostPort + ":" + containerPort + "/" + protocol.key();
    }
}

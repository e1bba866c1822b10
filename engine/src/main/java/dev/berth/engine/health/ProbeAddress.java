package dev.berth.engine.health;

/**
 * Where the health probe asks a service over HTTP on the target: its published host port (when it
 * has one), the port it listens on inside its network, and its health path. Made from the
 * catalog's {@code WebEndpoint} (how the service declares its web port) once the plan has chosen
 * the ports.
 *
 * @param hostPort      the port published on the target's host, or 0 when the service publishes none
 *                      (an app behind Authelia in domain mode)
 * @param containerPort the port it listens on at its container's address (for a VPN-routed app:
 *                      at Gluetun's address, whose network namespace it shares)
 * @param path          the health path, starting with {@code /}
 */
public record ProbeAddress(int hostPort, int containerPort, String path) {
    public ProbeAddress {
        if (hostPort < 0 || hostPort > 65535) {
            throw new IllegalArgumentException("host port out of range: " + hostPort);
        }
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("container port out of range: " + containerPort);
        }
        path = path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
    }

    /** Whether the service publishes its web port on the target's host. */
    public boolean published() {
        return hostPort != 0;
    }

    /** Asked on the target, so loopback reaches the published port however the server's firewall is set. */
    public String url() {
        return "http://127.0.0.1:" + hostPort + path;
    }

    /** At the container's address on the stack's network, as the target's host reaches it. */
    public String containerUrl(String address) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + containerPort + path;
    }
}

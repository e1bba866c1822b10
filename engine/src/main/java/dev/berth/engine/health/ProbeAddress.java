package dev.berth.engine.health;

/**
 * Where the health probe asks a service over HTTP on the target: its published host port and its
 * health path. Made from the catalog's {@code WebEndpoint} (how the service declares its web port)
 * once the plan has chosen the host port.
 *
 * @param hostPort the port published on the target's host
 * @param path     the health path, starting with {@code /}
 */
public record ProbeAddress(int hostPort, String path) {
    public ProbeAddress {
        if (hostPort < 1 || hostPort > 65535) {
            throw new IllegalArgumentException("port out of range: " + hostPort);
        }
        path = path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
    }

    /** Asked on the target, so loopback reaches the published port however the server's firewall is set. */
    public String url() {
        return "http://127.0.0.1:" + hostPort + path;
    }
}

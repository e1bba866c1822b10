package dev.berth.engine.health;

/**
 * Where a service answers HTTP on the target: a published host port and its health path.
 *
 * @param hostPort the port published on the target's host
 * @param path     the health path, starting with {@code /}
 */
public record WebEndpoint(int hostPort, String path) {
    public WebEndpoint {
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

package dev.berth.catalog;

/**
 * The port a person opens in a browser, and the path that answers when the app is up.
 *
 * @param port       the port inside the container
 * @param healthPath the path probed from outside to tell "up" (e.g. {@code /ping})
 * @param publish    whether the port is published on the host by default (internal helpers are not)
 * @param websockets whether a reverse proxy must pass websocket upgrades
 * @param portEnv    the environment variable that moves the app to another port, when the app has one;
 *                   the planner uses it to resolve clashes inside a shared VPN namespace
 * @param publicUrlVariable the environment variable that tells the app its address under the
 *                   person's domain ({@code https://<service>.<domain>}), set only when there is one
 */
public record WebEndpoint(int port, String healthPath, boolean publish, boolean websockets, String portEnv,
                          String publicUrlVariable) {
    public WebEndpoint {
        if (healthPath == null || healthPath.isBlank()) {
            healthPath = "/";
        }
    }
}

package dev.berth.render.clients;

import java.util.ArrayList;
import java.util.List;

/**
 * What Berth knows about one planned download client that goes into its settings files.
 *
 * @param service        the compose service name ({@code qbittorrent})
 * @param webPort        the port its web UI and API listen on inside its network (moved inside the VPN when taken)
 * @param routed         whether it runs in Gluetun's network, where the other apps reach it as {@code gluetun}
 * @param domain         the domain the proxy serves it under ({@code <service>.<domain>}); null without one
 * @param downloadFolder where it downloads inside the containers ({@code /data/torrents}, {@code /data/usenet})
 * @param username       the web API's user; null when it takes an API key only
 * @param password       that user's password (a secret); null without a user
 * @param apiKey         its API key (a secret); null when it has none
 * @param categories     one download category per chosen *arr app with a library ({@code tv}, {@code movies}), in chosen order
 * @param forwardedPort  whether Gluetun's hooks push the VPN provider's forwarded port into it ({@code PortForwarding}):
 *                       then it must not pick a random peer port at start
 */
public record ClientFacts(String service, int webPort, boolean routed, String domain, String downloadFolder,
                          String username, String password, String apiKey, List<String> categories, boolean forwardedPort) {
    public ClientFacts {
        categories = List.copyOf(categories);
    }

    /** A client that does not take a forwarded port. */
    public ClientFacts(String service, int webPort, boolean routed, String domain, String downloadFolder,
                       String username, String password, String apiKey, List<String> categories) {
        this(service, webPort, routed, domain, downloadFolder, username, password, apiKey, categories, false);
    }

    /**
     * Every host name the client is reached by, which clients that check the Host header must
     * accept: its service name, {@code gluetun} when routed, {@code <service>.<domain>} behind the proxy.
     */
    public List<String> hostNames() {
        List<String> names = new ArrayList<>(List.of(service));
        if (routed) {
            names.add("gluetun");
        }
        if (domain != null) {
            names.add(service + "." + domain);
        }
        return names;
    }

    @Override
    public String toString() {
        return "ClientFacts[" + service + ", port " + webPort + (routed ? ", routed" : "") + (forwardedPort ? ", forwarded port" : "") + ", categories " + categories + "]";
    }
}

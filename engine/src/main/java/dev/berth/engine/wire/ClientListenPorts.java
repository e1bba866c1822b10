package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.catalog.DownloadClientSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * The port a torrent client listens on for peers, read from its own API with Berth's sign-in (the
 * VPN proof compares it with the port the provider forwards): qBittorrent's
 * {@code GET api/v2/app/preferences} → {@code listen_port} after {@code auth/login} (both with a
 * Host header without port, see {@link PortlessPost}); Transmission's RPC {@code session-get} →
 * {@code peer-port}.
 */
public final class ClientListenPorts {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientListenPorts() {
    }

    /** The listen port, or why not (never a password). */
    public record Answer(OptionalInt port, String why) {
    }

    public static Answer read(DownloadClientSpec client, URI base, String username, String password, BooleanSupplier cancelled) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        String urlBase = client.urlBase() == null ? "" : client.urlBase().replaceFirst("^/", "");
        URI at = URI.create(root + (urlBase.isEmpty() || urlBase.endsWith("/") ? urlBase : urlBase + "/"));
        try {
            return switch (client.implementation()) {
                case "QBittorrent" -> qbittorrent(at, username, password, cancelled);
                case "Transmission" -> transmission(at, username, password);
                default -> new Answer(OptionalInt.empty(), "Berth cannot read the listen port of " + client.implementation());
            };
        } catch (IOException e) {
            return new Answer(OptionalInt.empty(), "no answer at " + base + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(OptionalInt.empty(), "interrupted");
        }
    }

    private static Answer qbittorrent(URI root, String username, String password, BooleanSupplier cancelled) throws IOException {
        PortlessPost login = PortlessPost.send(root.resolve("api/v2/auth/login"), "application/x-www-form-urlencoded",
                "username=" + form(username) + "&password=" + form(password), TIMEOUT, cancelled);
        String sid = login.headers().stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("set-cookie:"))
                .map(h -> h.substring("set-cookie:".length()).strip().split(";", 2)[0]).filter(c -> c.startsWith("SID="))
                .findFirst().orElse("");
        if (login.status() != 200 || sid.isEmpty()) {
            return new Answer(OptionalInt.empty(), "qBittorrent refused Berth's sign-in (" + login.status() + " "
                    + login.body().strip() + "); berth status shows the sign-in check");
        }
        PortlessPost prefs = PortlessPost.get(root.resolve("api/v2/app/preferences"), "Cookie: " + sid, TIMEOUT, cancelled);
        if (prefs.status() != 200) {
            return new Answer(OptionalInt.empty(), "qBittorrent answered " + prefs.status() + " to api/v2/app/preferences");
        }
        JsonNode port = JSON.readTree(prefs.body()).path("listen_port");
        return port.isInt() ? new Answer(OptionalInt.of(port.asInt()), "")
                : new Answer(OptionalInt.empty(), "qBittorrent's preferences (" + prefs.status() + ") name no listen_port");
    }

    private static Answer transmission(URI root, String username, String password) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            String sessionId = "";
            // The first answer is the 409 that hands out the session id every RPC request must carry.
            for (int attempt = 0; attempt < 3; attempt++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(root.resolve("rpc")).timeout(TIMEOUT)
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                                .getBytes(StandardCharsets.UTF_8)))
                        .header("X-Transmission-Session-Id", sessionId).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"session-get\",\"arguments\":{\"fields\":[\"peer-port\"]}}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 409) {
                    sessionId = r.headers().firstValue("X-Transmission-Session-Id").orElse("");
                    continue;
                }
                JsonNode port = r.statusCode() == 200 ? JSON.readTree(r.body()).path("arguments").path("peer-port") : null;
                return port != null && port.isInt() ? new Answer(OptionalInt.of(port.asInt()), "")
                        : new Answer(OptionalInt.empty(), "Transmission answered " + r.statusCode() + " to session-get");
            }
            return new Answer(OptionalInt.empty(), "Transmission kept asking for a new session id");
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}

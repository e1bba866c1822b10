package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A stand-in for Seerr v3.1.0's API, answering as its source does at that tag
 * (github.com/seerr-team/seerr, commit 94a70bb5fc9a4486857071a6fc048c8081fa7ca9):
 * {@code server/middleware/auth.ts} (an {@code X-Api-Key} equal to {@code main.apiKey} acts as user 1,
 * else the session's user; {@code isAuthenticated} answers 403 {@code {status, error}}),
 * {@code server/routes/index.ts} ({@code /settings/public} needs no user, the rest of {@code /settings}
 * the admin), {@code server/routes/auth.ts} ({@code POST /auth/jellyfin}: the first user to sign in
 * while no user exists becomes the admin, the media server is kept; a second server address is refused
 * with 500 {@code {error}}), {@code server/routes/settings/index.ts} ({@code main}, {@code jellyfin/library}
 * with {@code sync} and {@code enable}, {@code jellyfin/users}, {@code initialize}),
 * {@code settings/sonarr.ts} and {@code radarr.ts} (list, add with the next id, {@code test}: the app's
 * profiles and root folders, or 500 "Failed to connect to Sonarr"), and the error handler of
 * {@code server/index.ts} ({@code {message, errors}}). Its media server and *arr apps are stand-ins
 * given to it ({@link #reaches}).
 *
 * <p>Every request body and every answer is checked against Seerr's own OpenAPI description
 * ({@link SeerrSchema}); a request to a path or method it does not document, or a body or answer that
 * breaks its schema, is recorded in {@link #refused()}.
 */
public final class FakeSeerr extends HttpDouble {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A media server as Seerr reaches it: where, its admin, its libraries (id → name). */
    public record MediaServer(String host, int port, String username, String password, Map<String, String> libraries) {
    }

    /** An *arr app as Seerr reaches it, with what its test reads from it. */
    public record Servarr(String host, int port, String apiKey, Map<Integer, String> profiles, List<String> rootFolders) {
    }

    private final MediaServer media;
    private final Map<String, Servarr> apps = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    private final Set<String> sessions = new HashSet<>();
    private final List<String> refused = new ArrayList<>();
    private final Map<String, ArrayNode> instances = new HashMap<>();
    private final List<ObjectNode> libraries = new ArrayList<>();
    private final String apiKey;
    private boolean initialized;
    private boolean admin;
    private String mediaServerIp = "";
    private int writes;

    private FakeSeerr(MediaServer media, String apiKey) throws IOException {
        this.media = media;
        this.apiKey = apiKey;
        instances.put("sonarr", JSON.createArrayNode());
        instances.put("radarr", JSON.createArrayNode());
    }

    /** A fresh Seerr (no user, not set up) on a free loopback port, whose media server is {@code media}. */
    public static FakeSeerr start(MediaServer media) throws IOException {
        // settings/index.ts generateApiKey: base64 of the time and a UUID
        return start(media, java.util.Base64.getEncoder().encodeToString((System.currentTimeMillis() + UUID.randomUUID().toString())
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The same, with this key as the one Seerr made (as a stack whose secrets/ already holds it). */
    public static FakeSeerr start(MediaServer media, String apiKey) throws IOException {
        SeerrSchema.require();
        FakeSeerr seerr = new FakeSeerr(media, apiKey);
        seerr.start();
        return seerr;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Seerr's own API key, as it made it at first start. */
    public String apiKey() {
        return apiKey;
    }

    /** Seerr reaches this *arr app ("sonarr" or "radarr") at its host and port. */
    public synchronized FakeSeerr reaches(String kind, Servarr app) {
        apps.put(kind, app);
        failing.remove(kind);
        return this;
    }

    /** From now on Seerr cannot connect to that app ("sonarr"): its test answers 500. */
    public synchronized void cannotReach(String kind) {
        failing.add(kind);
    }

    /** The person went through Seerr's setup pages themselves. */
    public synchronized void personSetsUp() {
        admin = true;
        initialized = true;
        mediaServerIp = media.host();
    }

    /** The person removes an *arr app ("sonarr") in Settings → Services. */
    public synchronized void personRemoves(String kind) {
        instances.put(kind, JSON.createArrayNode());
    }

    public synchronized boolean initialized() {
        return initialized;
    }

    public synchronized List<JsonNode> instances(String kind) {
        List<JsonNode> out = new ArrayList<>();
        instances.get(kind).forEach(out::add);
        return out;
    }

    public synchronized List<String> enabledLibraries() {
        return libraries.stream().filter(l -> l.path("enabled").asBoolean()).map(l -> l.path("name").asText()).toList();
    }

    /** Requests and answers that do not fit Seerr's description, or calls it does not answer. */
    public synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    /** Requests that changed Seerr's settings or users. */
    public synchronized int writes() {
        return writes;
    }

    @Override
    protected void answer(HttpExchange ex) throws IOException {
        String full = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod().toLowerCase(java.util.Locale.ROOT);
        if (!full.startsWith("/api/v1/")) {
            send(ex, null, method, 404, JSON.createObjectNode().put("message", "not found"));
            return;
        }
        String path = full.substring("/api/v1".length());
        Optional<String> template = SeerrSchema.operation(path, method);
        if (template.isEmpty()) {
            refused.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path + " is not in Seerr's API description");
            send(ex, null, method, 404, JSON.createObjectNode().put("message", "not found"));
            return;
        }
        byte[] raw = ex.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        Optional<JsonSchema> requestSchema = SeerrSchema.request(template.get(), method);
        if (requestSchema.isPresent()) {
            SeerrSchema.problems(requestSchema.get(), body).forEach(p -> refused.add(method + " " + path + " request: " + p));
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        boolean publicCall = path.equals("/settings/public") || path.startsWith("/auth/");
        boolean signedIn = admin && (apiKey.equals(ex.getRequestHeaders().getFirst("X-Api-Key")) || sessions.contains(cookie(ex)));
        if (!publicCall && !signedIn) {
            send(ex, template.get(), method, 403, JSON.createObjectNode().put("status", 403)
                    .put("error", "You do not have permission to access this endpoint"));
            return;
        }
        switch (method + " " + path) {
            case "get /settings/public" -> send(ex, template.get(), method, 200, JSON.createObjectNode()
                    .put("initialized", initialized).put("applicationTitle", "Seerr")
                    .put("mediaServerType", admin ? 2 : 4));
            case "post /auth/jellyfin" -> signIn(ex, template.get(), body);
            case "get /settings/main" -> send(ex, template.get(), method, 200, JSON.createObjectNode().put("apiKey", apiKey)
                    .put("applicationTitle", "Seerr").put("applicationUrl", "").put("localLogin", true).put("mediaServerType", 2)
                    .put("newPlexLogin", true).put("defaultPermissions", 32).put("hideAvailable", false)
                    .put("partialRequestsEnabled", true).put("enableSpecialEpisodes", false));
            case "get /settings/jellyfin/library" -> library(ex, template.get(), query);
            case "get /settings/jellyfin/users" -> {
                ArrayNode users = JSON.createArrayNode();
                users.addObject().put("username", media.username()).put("id", "0f1e2d").put("thumb", "/avatarproxy/0f1e2d")
                        .put("email", media.username());
                send(ex, template.get(), method, 200, users);
            }
            case "get /settings/sonarr", "get /settings/radarr" -> send(ex, template.get(), method, 200, instances.get(kind(path)));
            case "post /settings/sonarr", "post /settings/radarr" -> {
                writes++;
                ArrayNode list = instances.get(kind(path));
                ObjectNode added = ((ObjectNode) body).deepCopy();
                added.put("id", list.isEmpty() ? 0 : list.get(list.size() - 1).path("id").asInt() + 1);
                if (body.path("isDefault").asBoolean()) {
                    list.forEach(i -> {
                        if (i.path("is4k").asBoolean() == body.path("is4k").asBoolean()) {
                            ((ObjectNode) i).put("isDefault", false);
                        }
                    });
                }
                list.add(added);
                send(ex, template.get(), method, 201, added);
            }
            case "post /settings/sonarr/test", "post /settings/radarr/test" -> test(ex, template.get(), kind(path), body);
            case "post /settings/initialize" -> {
                writes++;
                initialized = true;
                send(ex, template.get(), method, 200, JSON.createObjectNode().put("initialized", true));
            }
            default -> {
                refused.add(method + " " + path + " is documented but the double does not answer it");
                send(ex, template.get(), method, 404, JSON.createObjectNode().put("message", "not found"));
            }
        }
    }

    private void signIn(HttpExchange ex, String template, JsonNode body) throws IOException {
        writes++;
        if (!mediaServerIp.isEmpty() && body.has("hostname")) {
            send(ex, template, "post", 500, JSON.createObjectNode().put("error", "Jellyfin hostname already configured"));
            return;
        }
        if (mediaServerIp.isEmpty() && !body.has("hostname")) {
            send(ex, template, "post", 500, JSON.createObjectNode().put("error", "No hostname provided."));
            return;
        }
        // A stand-in for Seerr reaching the media server at the address it was given (or keeps).
        String host = body.has("hostname") ? body.path("hostname").asText() : mediaServerIp;
        if (!host.equals(media.host()) || body.has("hostname") && body.path("port").asInt(8096) != media.port()) {
            send(ex, template, "post", 500, JSON.createObjectNode().put("message", "Something went wrong."));
            return;
        }
        if (!media.username().equals(body.path("username").asText()) || !media.password().equals(body.path("password").asText())) {
            send(ex, template, "post", 401, JSON.createObjectNode().put("message", "InvalidCredentials"));
            return;
        }
        if (!admin && body.path("serverType").asInt() != 2 && body.path("serverType").asInt() != 3) {
            send(ex, template, "post", 500, JSON.createObjectNode().put("message", "NoAdminUser"));
            return;
        }
        admin = true;
        mediaServerIp = host;
        String session = UUID.randomUUID().toString();
        sessions.add(session);
        ex.getResponseHeaders().add("Set-Cookie", "connect.sid=" + session + "; Path=/; HttpOnly");
        send(ex, template, "post", 200, JSON.createObjectNode().put("id", 1).put("email", body.path("email").asText(media.username()))
                .put("permissions", 2).put("userType", 3).put("createdAt", "2026-12-05T09:00:00.000Z")
                .put("updatedAt", "2026-12-05T09:00:00.000Z"));
    }

    private void library(HttpExchange ex, String template, Map<String, String> query) throws IOException {
        writes++; // both forms save the settings
        if (query.containsKey("sync")) {
            List<ObjectNode> synced = new ArrayList<>();
            media.libraries().forEach((id, name) -> synced.add(JSON.createObjectNode().put("id", id).put("name", name)
                    .put("enabled", libraries.stream().anyMatch(l -> l.path("id").asText().equals(id) && l.path("enabled").asBoolean()))
                    .put("type", name.equals("Shows") ? "show" : "movie")));
            libraries.clear();
            libraries.addAll(synced);
        }
        List<String> enable = query.containsKey("enable") ? List.of(query.get("enable").split(",")) : List.of();
        libraries.forEach(l -> l.put("enabled", enable.contains(l.path("id").asText())));
        ArrayNode out = JSON.createArrayNode();
        libraries.forEach(out::add);
        send(ex, template, "get", 200, out);
    }

    private void test(HttpExchange ex, String template, String kind, JsonNode body) throws IOException {
        Servarr app = apps.get(kind);
        if (app == null || failing.contains(kind) || !app.host().equals(body.path("hostname").asText())
                || app.port() != body.path("port").asInt() || !app.apiKey().equals(body.path("apiKey").asText())) {
            send(ex, template, "post", 500, JSON.createObjectNode().put("message", "Failed to connect to "
                    + (kind.equals("sonarr") ? "Sonarr" : "Radarr")));
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode profiles = answer.putArray("profiles");
        app.profiles().forEach((id, name) -> profiles.addObject().put("id", id).put("name", name));
        ArrayNode folders = answer.putArray("rootFolders");
        for (int i = 0; i < app.rootFolders().size(); i++) {
            folders.addObject().put("id", i + 1).put("path", app.rootFolders().get(i));
        }
        answer.putArray("tags");
        answer.put("urlBase", "");
        send(ex, template, "post", 200, answer);
    }

    private void send(HttpExchange ex, String template, String method, int status, JsonNode answer) throws IOException {
        if (template != null && status / 100 == 2) {
            SeerrSchema.response(template, method, status).ifPresent(schema -> SeerrSchema.problems(schema, answer)
                    .forEach(p -> refused.add("the double's answer to " + method + " " + template + ": " + p)));
        }
        send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(answer));
    }

    private static String kind(String path) {
        return path.startsWith("/settings/sonarr") ? "sonarr" : "radarr";
    }

    private static String cookie(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Cookie");
        if (header == null) {
            return "";
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith("connect.sid=")) {
                return p.substring("connect.sid=".length());
            }
        }
        return "";
    }
}

package dev.berth.engine.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * What {@link FakeJellyfin} and {@link FakeEmby} share: a server on a free loopback port, one
 * request at a time, the state both keep (users, sessions, keys, libraries, the folders that
 * exist), and the strict checks of a body or query against the fields a server's DTO has (what
 * does not fit is refused with 400 and listed in {@link #refused()}).
 */
abstract class MediaServerDouble implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    /** Every request the server would not take as sent, or that the double does not know. */
    protected final List<String> refused = new ArrayList<>();
    protected final Set<String> folders = new HashSet<>(Set.of("/data/media/movies", "/data/media/tv", "/data/media/music"));
    protected final Map<String, String> users = new LinkedHashMap<>(); // name → password; the first is the administrator
    protected final Map<String, String> sessions = new HashMap<>(); // token → user
    protected final List<ObjectNode> keys = new ArrayList<>();
    protected final List<ObjectNode> libraries = new ArrayList<>();
    protected final List<String> calls = new ArrayList<>();
    protected boolean completed;
    protected String serverName;
    protected Boolean remoteAccess;
    protected int writes;

    /** @param serverName the name the server gives itself at first start */
    MediaServerDouble(String serverName) throws IOException {
        this.serverName = serverName;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            synchronized (this) {
                handle(ex);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Starts answering; call once the subclass is built. */
    final void listen() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    /** The person made an API key in the server's settings, for Berth to use. */
    synchronized String personMakesKey(String app) {
        String token = UUID.randomUUID().toString().replace("-", "");
        keys.add(JSON.createObjectNode().put("Id", keys.size() + 1).put("AccessToken", token).put("AppName", app)
                .put("DateCreated", "2026-12-01T10:00:00.0000000Z"));
        return token;
    }

    /** The folder is not there inside the container (the data root is not mounted, or was removed). */
    synchronized void folderMissing(String path) {
        folders.remove(path);
    }

    synchronized int writes() {
        return writes;
    }

    synchronized boolean completed() {
        return completed;
    }

    synchronized Map<String, String> users() {
        return Map.copyOf(users);
    }

    synchronized String serverName() {
        return serverName;
    }

    synchronized Boolean remoteAccess() {
        return remoteAccess;
    }

    /** Library name → its folders. */
    synchronized Map<String, List<String>> libraries() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        libraries.forEach(l -> {
            List<String> paths = new ArrayList<>();
            l.path("Locations").forEach(p -> paths.add(p.asText()));
            out.put(l.path("Name").asText(), paths);
        });
        return out;
    }

    /** The API keys' app names, in order. */
    synchronized List<String> keyNames() {
        return keys.stream().map(k -> k.path("AppName").asText()).toList();
    }

    /** Whether this is a key the server made. */
    synchronized boolean isKey(String token) {
        return keys.stream().anyMatch(k -> k.path("AccessToken").asText().equals(token));
    }

    /** "METHOD path" of every request, in order. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** Answers one request, holding the double's lock. */
    protected abstract void handle(HttpExchange ex) throws IOException;

    protected ObjectNode dto(String body, Set<String> properties, Set<String> required, String route) throws Answer {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            refused.add(route + ": the body is not JSON");
            throw new Answer(400, "");
        }
        if (json == null || !json.isObject()) {
            refused.add(route + ": the body is not an object");
            throw new Answer(400, "");
        }
        List<String> problems = new ArrayList<>();
        json.properties().forEach(e -> {
            if (!properties.contains(e.getKey())) {
                problems.add(route + ": the DTO has no property " + e.getKey());
            }
        });
        for (String r : required) {
            if (!json.hasNonNull(r)) {
                problems.add(route + ": " + r + " is required");
            }
        }
        if (!problems.isEmpty()) {
            refused.addAll(problems);
            throw new Answer(400, String.join("; ", problems));
        }
        return (ObjectNode) json;
    }

    protected void noQuery(Map<String, String> query, String route) throws Answer {
        onlyQuery(query, Set.of(), route);
    }

    protected void onlyQuery(Map<String, String> query, Set<String> allowed, String route) throws Answer {
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                refused.add(route + ": no query parameter " + name);
                throw new Answer(400, "");
            }
        }
    }

    protected void refuse(HttpExchange ex, int status, String why) throws IOException {
        refused.add(why);
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    protected static void answer(HttpExchange ex, int status, JsonNode body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = JSON.writeValueAsBytes(body);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    /** An answer other than the happy one: a JSON string as a controller's BadRequest("…") writes it, else plain text. */
    protected static void answer(HttpExchange ex, Answer a) throws IOException {
        byte[] bytes = a.text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", a.text.startsWith("\"") ? "application/json" : "text/plain");
        ex.sendResponseHeaders(a.status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** An answer other than the happy one, as the server sends it. */
    protected static final class Answer extends Exception {
        final int status;
        final String text;

        Answer(int status, String text) {
            super(null, null, false, false);
            this.status = status;
            this.text = text;
        }
    }
}

package dev.berth.engine.wire;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A stand-in for Plex Media Server's local API (no Plex image can run here, and a real one needs a
 * Plex account), for the calls Berth makes, recorded from python-plexapi 4.18.1 (commit 4ffb295,
 * {@code plexapi/server.py} {@code _headers}/{@code query}, {@code plexapi/library.py}
 * {@code Library.add}, {@code Library._loadSections}, {@code LibrarySection._loadData}, and the
 * agents and scanners its {@code Library.add} documents and {@code tools/plex-bootstraptest.py} uses):
 *
 * <ul>
 *   <li>every request carries the server's token as {@code X-Plex-Token}; without it or with another
 *       one, 401 with Plex's HTML page, as PMS answers;</li>
 *   <li>{@code GET /library/sections}: a {@code MediaContainer} of {@code Directory} elements
 *       ({@code key, type, title, agent, scanner, language, uuid, …}), each with its
 *       {@code Location path}s;</li>
 *   <li>{@code POST /library/sections} with {@code name, type, agent, scanner, language} and one or
 *       more {@code location}s in the query (python-plexapi quotes them as a form, spaces as
 *       {@code +}), and optionally {@code prefs[...]}. Stricter than Plex on purpose: an unknown
 *       parameter, a type, agent or scanner Plex does not pair, a language that is not Plex's
 *       {@code xx} or {@code xx-YY}, or a folder Plex cannot browse (python-plexapi refuses that
 *       before sending) is answered 400 and listed in {@link #refused()}.</li>
 * </ul>
 * Anything else is 404 and listed in {@link #refused()}. Counts its write requests.
 */
final class FakePlex implements AutoCloseable {
    /** One library as Plex keeps it. */
    record Section(int key, String title, String type, String agent, String scanner, String language, List<String> locations) {
    }

    private static final Map<String, Set<String>> AGENTS = Map.of(
            "movie", Set.of("com.plexapp.agents.none", "com.plexapp.agents.imdb", "tv.plex.agents.movie", "com.plexapp.agents.themoviedb"),
            "show", Set.of("com.plexapp.agents.none", "com.plexapp.agents.thetvdb", "com.plexapp.agents.themoviedb", "tv.plex.agents.series"),
            "artist", Set.of("tv.plex.agents.music"),
            "photo", Set.of("com.plexapp.agents.none"));
    private static final Map<String, Set<String>> SCANNERS = Map.of(
            "movie", Set.of("Plex Movie", "Plex Movie Scanner", "Plex Video Files Scanner", "Plex Video Files"),
            "show", Set.of("Plex TV Series", "Plex Series Scanner"),
            "artist", Set.of("Plex Music"),
            "photo", Set.of("Plex Photo Scanner"));
    private static final Set<String> ADD_PARAMETERS = Set.of("name", "type", "agent", "scanner", "language", "location");

    private final String token;
    private final Set<String> browsable;
    private final HttpServer server;
    private final Map<Integer, Section> sections = new LinkedHashMap<>();
    private final List<String> refused = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private int nextKey = 1;
    private int writes;

    private FakePlex(String token, Set<String> browsable, HttpServer server) {
        this.token = token;
        this.browsable = Set.copyOf(browsable);
        this.server = server;
    }

    /** @param browsable the folders Plex's container can see (a library's location must be one) */
    static FakePlex start(String token, Set<String> browsable) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakePlex fake = new FakePlex(token, browsable, server);
        server.createContext("/", fake::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return fake;
    }

    int port() {
        return server.getAddress().getPort();
    }

    synchronized int writes() {
        return writes;
    }

    synchronized List<Section> sections() {
        return List.copyOf(sections.values());
    }

    /** What the double refused as not what Plex takes, and requests for paths Berth should not ask. */
    synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    /** Every request as "METHOD path". */
    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** A library the person made in Plex's own page. */
    synchronized void personAdds(String title, String type, String agent, String scanner, String location) {
        int key = nextKey++;
        sections.put(key, new Section(key, title, type, agent, scanner, "en-US", List.of(location)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            synchronized (this) {
                requests.add(method + " " + uri.getPath());
            }
            if (!token.equals(exchange.getRequestHeaders().getFirst("X-Plex-Token"))) {
                send(exchange, 401, "text/html", "<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>");
                return;
            }
            if (!uri.getPath().equals("/library/sections")) {
                refuse(exchange, 404, method + " " + uri.getPath() + " is not a call Berth should make");
                return;
            }
            switch (method) {
                case "GET" -> send(exchange, 200, "application/xml", list());
                case "POST" -> add(exchange, query(uri.getRawQuery()));
                default -> refuse(exchange, 405, method + " /library/sections");
            }
        }
    }

    private void add(HttpExchange exchange, Map<String, List<String>> query) throws IOException {
        for (String name : query.keySet()) {
            if (!ADD_PARAMETERS.contains(name) && !name.matches("prefs\\[[A-Za-z]+]")) {
                refuse(exchange, 400, "unknown parameter " + name);
                return;
            }
        }
        String name = one(query, "name");
        String type = one(query, "type");
        String agent = one(query, "agent");
        String scanner = one(query, "scanner");
        String language = one(query, "language");
        List<String> locations = query.getOrDefault("location", List.of());
        String problem = name == null || name.isBlank() ? "no name"
                : !AGENTS.containsKey(type) ? "type " + type + " is not one of " + AGENTS.keySet()
                : !AGENTS.get(type).contains(agent) ? "agent " + agent + " does not serve " + type + " libraries"
                : !SCANNERS.get(type).contains(scanner) ? "scanner " + scanner + " does not scan " + type + " libraries"
                : language == null || !language.matches("[a-z]{2}(-[A-Z]{2})?") ? "language " + language + " is not xx or xx-YY"
                : locations.isEmpty() ? "no location"
                : locations.stream().filter(l -> !browsable.contains(l)).findFirst().map(l -> "Path: " + l + " does not exist.").orElse(null);
        synchronized (this) {
            writes++;
        }
        if (problem != null) {
            refuse(exchange, 400, problem);
            return;
        }
        synchronized (this) {
            int key = nextKey++;
            sections.put(key, new Section(key, name, type, agent, scanner, language, locations));
        }
        send(exchange, 200, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MediaContainer size=\"0\"/>\n");
    }

    private synchronized String list() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MediaContainer size=\"")
                .append(sections.size()).append("\" allowSync=\"0\" title1=\"Plex Library\">\n");
        for (Section s : sections.values()) {
            xml.append("<Directory allowSync=\"1\" art=\"/:/resources/").append(s.type()).append("-fanart.jpg\" filters=\"1\" refreshing=\"0\"")
                    .append(" key=\"").append(s.key()).append("\" type=\"").append(s.type()).append("\" title=\"").append(escape(s.title()))
                    .append("\" agent=\"").append(s.agent()).append("\" scanner=\"").append(escape(s.scanner()))
                    .append("\" language=\"").append(s.language()).append("\" uuid=\"00000000-0000-0000-0000-00000000000")
                    .append(s.key()).append("\" updatedAt=\"1764900000\" createdAt=\"1764900000\" scannedAt=\"1764900000\"")
                    .append(" content=\"1\" directory=\"1\" hidden=\"0\">\n");
            for (int i = 0; i < s.locations().size(); i++) {
                xml.append("<Location id=\"").append(s.key() * 10 + i).append("\" path=\"").append(escape(s.locations().get(i))).append("\" />\n");
            }
            xml.append("</Directory>\n");
        }
        return xml.append("</MediaContainer>\n").toString();
    }

    private void refuse(HttpExchange exchange, int status, String why) throws IOException {
        synchronized (this) {
            refused.add(why);
        }
        send(exchange, status, "text/html", "<html><head><title>Bad Request</title></head><body><h1>" + status + " " + escape(why)
                + "</h1></body></html>");
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String one(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.size() != 1 ? null : values.getFirst();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

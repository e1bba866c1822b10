package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A stand-in for SABnzbd 4.5.5's API (SABnzbd has no API description and no Debian package),
 * written from its own source at tag {@code 4.5.5} of github.com/sabnzbd/sabnzbd:
 * {@code sabnzbd/interface.py} ({@code secured_expose}: the host-name check, then
 * {@code check_apikey}: {@code version} and {@code auth} need no key, a level-1 call also takes the
 * NZB key, every other one the API key; a refusal is HTTP 403 with a plain-text message such as
 * "API Key Incorrect") and {@code sabnzbd/api.py} ({@code _api_table}, {@code report}: JSON
 * {@code {"status": false, "error": "not implemented"}} for an unknown mode;
 * {@code get_config}'s {@code section}/{@code keyword} narrowing from {@code config.get_dconfig}).
 *
 * <p>It answers the calls Berth and the *arr apps' SABnzbd client make: {@code version},
 * {@code auth}, {@code get_config}, {@code get_cats} and {@code fullstatus}. Every request is
 * checked: a path other than {@code /api}, a mode it does not know, or an {@code output} other than
 * {@code json} (Berth and the *arr apps always ask for JSON) is recorded in {@link #refused()} and
 * answered 400, so a test sees a client that drifted.
 */
public final class FakeSabnzbd implements AutoCloseable {
    /** One request as it arrived: its mode and the status it got. */
    public record Exchange(String mode, int status) {
    }

    static final String VERSION = "4.5.5";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code _api_table}'s access level of each mode answered here (1: the NZB key will do). */
    private static final Map<String, Integer> LEVELS = Map.of("version", 1, "auth", 1, "get_config", 3, "get_cats", 2,
            "fullstatus", 2);
    private static final List<String> CATEGORIES = List.of("*", "movies", "tv", "audio", "software");

    private final HttpServer server;
    private final String apiKey;
    private final String nzbKey;
    private final Set<String> hostWhitelist;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    private FakeSabnzbd(HttpServer server, String apiKey, String nzbKey, Set<String> hostWhitelist) {
        this.server = server;
        this.apiKey = apiKey;
        this.nzbKey = nzbKey;
        this.hostWhitelist = Set.copyOf(hostWhitelist);
    }

    /** A SABnzbd on a free loopback port with this API key (as {@code [misc] api_key} in its sabnzbd.ini) and no web login. */
    public static FakeSabnzbd start(String apiKey, Set<String> hostWhitelist) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeSabnzbd sab = new FakeSabnzbd(server, apiKey, "nzb" + apiKey.substring(3), hostWhitelist);
        server.createContext("/", sab::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return sab;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Requests the real SABnzbd would not have been asked by a well-behaved client, with why. */
    public synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            String mode = q.getOrDefault("mode", "");
            if (!ex.getRequestURI().getPath().equals("/api")) {
                send(ex, mode, 404, "text/plain", "Not found: " + ex.getRequestURI().getPath());
                return;
            }
            if (!"json".equals(q.get("output"))) {
                refuse(ex, mode, "output=" + q.get("output") + " (not json) for mode " + mode);
                return;
            }
            if (!LEVELS.containsKey(mode)) {
                refuse(ex, mode, "mode '" + mode + "' is not one the double answers");
                return;
            }
            // interface.py secured_expose: the host name first (no web login is set), then the key.
            String host = ex.getRequestHeaders().getFirst("Host");
            String name = host == null ? "" : host.replaceAll(":[0-9]+$", "").toLowerCase(java.util.Locale.ROOT);
            if (!(name.equals("localhost") || name.matches("[0-9.]+") || name.startsWith("[") || hostWhitelist.contains(name)
                    || name.endsWith(".local"))) {
                send(ex, mode, 403, "text/html;charset=utf-8", "Access denied - Hostname verification failed: "
                        + "https://sabnzbd.org/hostname-check");
                return;
            }
            String key = q.getOrDefault("apikey", "");
            if (!mode.equals("version") && !mode.equals("auth")) {
                if (key.isEmpty()) {
                    send(ex, mode, 403, "text/html;charset=utf-8", "API Key Required");
                    return;
                }
                if (!(key.equals(apiKey) || LEVELS.get(mode) == 1 && key.equals(nzbKey))) {
                    send(ex, mode, 403, "text/html;charset=utf-8", "API Key Incorrect");
                    return;
                }
            }
            Object data = switch (mode) {
                case "version" -> Map.of("version", VERSION);
                case "auth" -> Map.of("auth", q.getOrDefault("key", "").isEmpty() || q.get("key").equals(apiKey) ? "apikey"
                        : q.get("key").equals(nzbKey) ? "nzbkey" : "badkey");
                case "get_cats" -> Map.of("categories", CATEGORIES);
                case "fullstatus" -> Map.of("status", Map.of("version", VERSION, "paused", false, "downloaddir",
                        "/data/usenet/incomplete", "completedir", "/data/usenet/complete", "loadavg", "", "servers", List.of()));
                default -> Map.of("config", config(q.get("section"), q.get("keyword")));
            };
            send(ex, mode, 200, "application/json;charset=UTF-8", JSON.writeValueAsString(data));
        }
    }

    /** {@code config.get_dconfig}: everything, one section, or one keyword of it (an unknown one: {@code {}}). */
    private Map<String, Object> config(String section, String keyword) {
        Map<String, Object> misc = new LinkedHashMap<>();
        misc.put("complete_dir", "/data/usenet/complete");
        misc.put("download_dir", "/data/usenet/incomplete");
        misc.put("api_key", apiKey);
        misc.put("nzb_key", nzbKey);
        misc.put("host_whitelist", List.copyOf(hostWhitelist));
        misc.put("pre_check", false);
        misc.put("enable_tv_sorting", false);
        misc.put("tv_categories", List.of());
        misc.put("enable_movie_sorting", false);
        misc.put("movie_categories", List.of());
        misc.put("enable_date_sorting", false);
        misc.put("date_categories", List.of());
        misc.put("history_retention_option", "all");
        misc.put("history_retention_number", 1);
        List<Map<String, Object>> categories = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.size(); i++) {
            String cat = CATEGORIES.get(i);
            categories.add(Map.of("name", cat, "order", i, "pp", cat.equals("*") ? "3" : "", "script", cat.equals("*") ? "None"
                    : "Default", "dir", cat.equals("*") ? "" : cat, "newzbin", "", "priority", cat.equals("*") ? 0 : -100));
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("misc", misc);
        all.put("categories", categories);
        all.put("servers", List.of());
        all.put("sorters", List.of());
        if (section == null || section.isEmpty()) {
            return all;
        }
        if (!all.containsKey(section)) {
            return Map.of();
        }
        if (keyword == null || keyword.isEmpty()) {
            return Map.of(section, all.get(section));
        }
        if (section.equals("misc")) {
            return misc.containsKey(keyword) ? Map.of("misc", Map.of(keyword, misc.get(keyword))) : Map.of();
        }
        return Map.of(section, List.of());
    }

    private void refuse(HttpExchange ex, String mode, String why) throws IOException {
        synchronized (this) {
            refused.add(why);
        }
        send(ex, mode, 400, "text/plain", "FakeSabnzbd refused: " + why);
    }

    private void send(HttpExchange ex, String mode, int status, String type, String body) throws IOException {
        synchronized (this) {
            exchanges.add(new Exchange(mode, status));
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v); // cherrypy hands a list for a repeated key; api_handler takes the first
        }
        return out;
    }
}

package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stand-in for Bazarr 1.5's API (Bazarr publishes no API description and has no Debian package),
 * written from its source at github.com/morpheus65535/bazarr, commit
 * 920853daee558751c3abe5755cb04613d28b281c (2025-05-11, between v1.5.2 and v1.5.3):
 * <ul>
 *   <li>{@code bazarr/api/utils.py authenticate}: the key from {@code apikey} (query or form) or the
 *       {@code X-API-KEY} header, else a bare 401;</li>
 *   <li>{@code bazarr/api/system/settings.py}: {@code GET} answers {@code get_settings()} (every section
 *       of config.yaml but {@code flask_secret_key}); {@code POST} takes form fields:
 *       {@code languages-enabled} (repeated; every language left out is turned off),
 *       {@code languages-profiles} (JSON; a profile left out is deleted), then
 *       {@code save_settings}: {@code settings-<section>-<key>}, "true"/"false" as booleans, digits as
 *       integers; 204, or 406 with a failed check's message;</li>
 *   <li>{@code bazarr/app/config.py}: the keys and checks of the sections Berth sets (general,
 *       auth, sonarr, radarr); a port outside 1–65535 fails;</li>
 *   <li>{@code bazarr/api/system/languages.py}, {@code languages_profiles.py},
 *       {@code app/database.py update_profile_id_list}: the shapes of languages and profiles;</li>
 *   <li>{@code bazarr/app/ui.py proxy}: {@code GET /test/<protocol>/<url>} with no key, which asks the
 *       URL and answers {@code {status: true, version, code}} or {@code {status: false, error, code}}.</li>
 * </ul>
 * Its *arr apps are stand-ins given to it ({@link #reaches}). A form key outside those sections, or a
 * call it does not answer, is recorded in {@link #refused()}.
 */
public final class FakeBazarr extends HttpDouble {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The keys of config.py's validators for the sections Berth sets, with their defaults. */
    private static final Map<String, Map<String, Object>> DEFAULTS = Map.of(
            "general", Map.of("use_sonarr", false, "use_radarr", false, "serie_default_enabled", false, "serie_default_profile", "",
                    "movie_default_enabled", false, "movie_default_profile", "", "port", 6767, "base_url", ""),
            "auth", Map.of("type", "", "username", "", "password", ""),
            "sonarr", Map.of("ip", "127.0.0.1", "port", 8989, "base_url", "/", "ssl", false, "apikey", "", "http_timeout", 60),
            "radarr", Map.of("ip", "127.0.0.1", "port", 7878, "base_url", "/", "ssl", false, "apikey", "", "http_timeout", 60));
    /** A few of {@code TableSettingsLanguages}' rows (name, code2, code3). */
    private static final List<List<String>> LANGUAGES = List.of(List.of("Dutch", "nl", "dut"), List.of("English", "en", "eng"),
            List.of("French", "fr", "fre"), List.of("German", "de", "ger"), List.of("Spanish", "es", "spa"));

    /** An *arr app Bazarr reaches: its version and key. */
    public record Arr(String version, String apiKey) {
    }

    private final Map<String, Map<String, Object>> settings = new TreeMap<>();
    private final Set<String> enabled = new java.util.TreeSet<>();
    private ArrayNode profiles = JSON.createArrayNode();
    private final Map<String, Arr> reachable = new HashMap<>();
    private final List<String> refused = new ArrayList<>();
    private int writes;

    private FakeBazarr(String apiKey) throws IOException {
        DEFAULTS.forEach((section, keys) -> settings.put(section, new TreeMap<>(keys)));
        settings.get("auth").put("apikey", apiKey);
    }

    /** A Bazarr at its first start, with the key it made (as in its config.yaml), on a free loopback port. */
    public static FakeBazarr start(String apiKey) throws IOException {
        FakeBazarr bazarr = new FakeBazarr(apiKey);
        bazarr.start();
        return bazarr;
    }

    /** Bazarr reaches an app at {@code host:port} (its test asks {@code /api/v3/system/status} there). */
    public synchronized FakeBazarr reaches(String hostPort, Arr app) {
        reachable.put(hostPort, app);
        return this;
    }

    /** The app at {@code host:port} stops answering. */
    public synchronized void unreachable(String hostPort) {
        reachable.remove(hostPort);
    }

    public synchronized Object setting(String section, String key) {
        return settings.get(section).get(key);
    }

    /** What the person does in Settings: one setting changed by hand. */
    public synchronized void personSets(String section, String key, Object value) {
        settings.get(section).put(key, value);
    }

    /** The person's own profile, made in Settings → Languages. */
    public synchronized void personAddsProfile(int id, String name, List<String> codes) {
        ObjectNode p = profiles.addObject().put("profileId", id).put("name", name);
        ArrayNode items = p.putArray("items");
        for (int i = 0; i < codes.size(); i++) {
            items.addObject().put("id", i + 1).put("language", codes.get(i)).put("audio_exclude", "False").put("hi", "False")
                    .put("forced", "False");
        }
        p.putNull("cutoff").putArray("mustContain");
        p.putArray("mustNotContain");
        p.putNull("originalFormat").putNull("tag");
    }

    public synchronized List<JsonNode> profiles() {
        List<JsonNode> out = new ArrayList<>();
        profiles.forEach(out::add);
        return out;
    }

    public synchronized Set<String> enabledLanguages() {
        return Set.copyOf(enabled);
    }

    public synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    /** Settings posts that reached it. */
    public synchronized int writes() {
        return writes;
    }

    @Override
    protected void answer(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        if (path.startsWith("/test/") && method.equals("GET")) {
            test(ex, URLDecoder.decode(path.substring("/test/".length()), StandardCharsets.UTF_8), query(ex.getRequestURI().getRawQuery()));
            return;
        }
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> form = method.equals("POST") ? pairs(body) : List.of();
        String key = ex.getRequestHeaders().getFirst("X-API-KEY");
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String given = key != null ? key : q.getOrDefault("apikey", form.stream().filter(f -> f.getKey().equals("apikey"))
                .map(Map.Entry::getValue).findFirst().orElse(null));
        if (!String.valueOf(settings.get("auth").get("apikey")).equals(given)) {
            send(ex, 401, "text/html; charset=utf-8", "<!doctype html><title>401 Unauthorized</title><h1>Unauthorized</h1>");
            return;
        }
        switch (method + " " + path) {
            case "GET /api/system/settings" -> send(ex, 200, "application/json", JSON.writeValueAsString(settings));
            case "GET /api/system/languages" -> {
                ArrayNode out = JSON.createArrayNode();
                LANGUAGES.forEach(l -> out.addObject().put("name", l.get(0)).put("code2", l.get(1)).put("code3", l.get(2))
                        .put("enabled", enabled.contains(l.get(1))));
                send(ex, 200, "application/json", out.toString());
            }
            case "GET /api/system/languages/profiles" -> send(ex, 200, "application/json", profiles.toString());
            case "POST /api/system/settings" -> save(ex, form);
            default -> {
                refused.add(method + " " + path + " is not a call the double answers");
                send(ex, 404, "text/html", "<h1>Not Found</h1>");
            }
        }
    }

    private void save(HttpExchange ex, List<Map.Entry<String, String>> form) throws IOException {
        writes++;
        List<String> languages = form.stream().filter(f -> f.getKey().equals("languages-enabled")).map(Map.Entry::getValue).toList();
        if (!languages.isEmpty()) {
            enabled.clear();
            languages.stream().filter(code -> LANGUAGES.stream().anyMatch(l -> l.get(1).equals(code))).forEach(enabled::add);
        }
        for (Map.Entry<String, String> f : form) {
            if (f.getKey().equals("languages-profiles")) {
                ArrayNode posted = (ArrayNode) JSON.readTree(f.getValue());
                for (JsonNode p : posted) {
                    for (String field : List.of("profileId", "name", "cutoff", "items", "mustContain", "mustNotContain", "originalFormat")) {
                        if (!p.has(field)) {
                            // settings.py reads item[field] for each of these: a KeyError is a 500
                            send(ex, 500, "text/html", "<h1>Internal Server Error</h1>");
                            refused.add("a posted profile lacks " + field);
                            return;
                        }
                    }
                }
                profiles = posted;
            }
        }
        Map<String, Map<String, Object>> next = new TreeMap<>();
        settings.forEach((s, keys) -> next.put(s, new TreeMap<>(keys)));
        for (Map.Entry<String, String> f : form) {
            String[] parts = f.getKey().split("-");
            if (parts[0].equals("languages")) {
                continue;
            }
            if (parts.length != 3 || !parts[0].equals("settings") || !next.containsKey(parts[1])
                    || !(next.get(parts[1]).containsKey(parts[2]))) {
                refused.add("form key " + f.getKey() + " is not a setting of config.py's sections");
                continue;
            }
            next.get(parts[1]).put(parts[2], value(parts[2], f.getValue()));
        }
        for (String section : List.of("general", "sonarr", "radarr")) {
            Object port = next.get(section).get("port");
            if (!(port instanceof Integer p) || p < 1 || p > 65535) {
                send(ex, 406, "text/plain", section + ".port must gte 1 but it is " + port);
                return;
            }
        }
        settings.clear();
        settings.putAll(next);
        ex.sendResponseHeaders(204, -1);
    }

    /** save_settings: "true"/"false" are booleans, digits integers (but for the keys it keeps as text). */
    private static Object value(String key, String raw) {
        if (!Set.of("password", "chmod").contains(key)) {
            try {
                return Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                // stays text
            }
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> raw;
        };
    }

    private void test(HttpExchange ex, String url, Map<String, String> params) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        int slash = url.indexOf('/', url.indexOf('/') + 1);
        String protocol = url.substring(0, url.indexOf('/'));
        String hostPort = url.substring(url.indexOf('/') + 1, slash < 0 ? url.length() : slash);
        String rest = slash < 0 ? "" : url.substring(slash);
        Arr app = reachable.get(hostPort);
        if (!protocol.equals("http") && !protocol.equals("https")) {
            answer.put("status", false).put("error", "Unsupported protocol").put("code", 0);
        } else if (app == null) {
            answer.put("status", false).put("error", "ConnectionError(MaxRetryError(\"HTTPConnectionPool(host='"
                    + hostPort.replaceAll(":.*", "") + "', port=" + hostPort.replaceAll(".*:", "") + "): Max retries exceeded\"))");
        } else if (!rest.endsWith("/api/v3/system/status") && !rest.endsWith("/api/system/status")) {
            answer.put("status", false).put("error", "Cannot get version. Maybe unsupported legacy API call?").put("code", 404);
        } else if (!app.apiKey().equals(params.get("apikey"))) {
            answer.put("status", false).put("error", "Access Denied. Check API key.").put("code", 401);
        } else {
            answer.put("status", true).put("version", app.version()).put("code", 200);
        }
        send(ex, 200, "application/json", answer.toString());
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }
}

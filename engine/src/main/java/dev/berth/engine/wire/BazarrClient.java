package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The calls of Bazarr's API (morpheus65535/bazarr 1.5: {@code bazarr/api/system/settings.py},
 * {@code languages.py}, {@code languages_profiles.py}; {@code bazarr/app/ui.py} for the test) that
 * setting it up needs, with its key as {@code X-API-KEY} ({@code api/utils.py authenticate}).
 * Bazarr answers a wrong key with a bare 401.
 */
final class BazarrClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SetupHttp http;
    private final String apiKey;

    BazarrClient(URI base, String apiKey, String where) {
        this.http = new SetupHttp(base, where, BazarrClient::reason);
        this.apiKey = apiKey;
    }

    int writes() {
        return http.writes();
    }

    /** {@code GET api/system/settings}: every section of its config.yaml (keys included), as {@code get_settings} gives it. */
    JsonNode settings() throws ArrException, InterruptedException {
        return get("api/system/settings", "tell its settings");
    }

    /** {@code GET api/system/languages}: every language it knows, with {@code code2} and {@code enabled}. */
    JsonNode languages() throws ArrException, InterruptedException {
        return get("api/system/languages", "list its languages");
    }

    /** {@code GET api/system/languages/profiles}. */
    JsonNode profiles() throws ArrException, InterruptedException {
        return get("api/system/languages/profiles", "list its language profiles");
    }

    /**
     * {@code POST api/system/settings} with form fields ({@code settings-<section>-<key>},
     * {@code languages-enabled} repeated, {@code languages-profiles} as JSON): Bazarr answers 204,
     * or 406 with the failed check's words.
     */
    void save(List<Map.Entry<String, String>> fields) throws ArrException, InterruptedException {
        String form = fields.stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue())).collect(Collectors.joining("&"));
        http.write(http.request("api/system/settings", TIMEOUT).header("X-API-KEY", apiKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(), "save its settings");
    }

    /**
     * {@code GET test/http/<host:port/path>}: Bazarr itself asks that address (its settings page's
     * "Test"); {@code {status: true, version}} when the app answered, else {@code {status: false, error}}.
     *
     * @return empty when it passed, else Bazarr's words
     */
    java.util.Optional<String> test(String hostPortPath, String appKey) throws ArrException, InterruptedException {
        String what = "test " + hostPortPath.substring(0, hostPortPath.indexOf('/'));
        JsonNode answer = http.tree(http.send(http.request("test/http/" + hostPortPath + "?apikey=" + encode(appKey),
                Duration.ofSeconds(60)).GET().build(), what), what);
        if (answer.path("status").asBoolean(false)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(answer.path("error").asText("its test failed without saying why"));
    }

    private JsonNode get(String path, String what) throws ArrException, InterruptedException {
        return http.tree(http.send(http.request(path, TIMEOUT).header("X-API-KEY", apiKey).GET().build(), what), what);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Bazarr answers a failed settings check with its message as plain text; flask's own errors are HTML. */
    static String reason(String body) {
        String text = body.strip();
        return text.startsWith("<") || text.length() > 300 ? "" : text;
    }

    @Override
    public String toString() {
        return "BazarrClient[" + http.where() + "]";
    }

    @Override
    public void close() {
        http.close();
    }
}

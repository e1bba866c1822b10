package dev.berth.engine.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls of Seerr's API ({@code /api/v1}, seerr-team/seerr v3.1.0) that setting it up needs. Until
 * Seerr has a user, only its public settings and the media server sign-in answer; the sign-in sets a
 * session cookie that the next calls carry. Once Berth knows Seerr's key, calls carry it as
 * {@code X-Api-Key}, which Seerr takes as its first user, the admin.
 */
final class SeerrClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The calls that make Seerr reach another app (the media server, Sonarr, Radarr) wait on that app too. */
    private static final Duration REACHING = Duration.ofSeconds(90);

    /** The *arr apps Seerr sends requests to, by the name its API uses. */
    enum Servarr {
        SONARR, RADARR;

        String path() {
            return "settings/" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final SetupHttp http;
    private String apiKey;

    SeerrClient(URI base, String where) {
        this.http = new SetupHttp(URI.create(base.toString().replaceAll("/+$", "") + "/api/v1/"), where, SeerrClient::reason);
    }

    /** From now on every call carries this key. */
    void useKey(String key) {
        this.apiKey = key;
    }

    int writes() {
        return http.writes();
    }

    /** {@code GET settings/public}: needs no sign-in; {@code initialized} says whether its setup was finished. */
    JsonNode publicSettings() throws ArrException, InterruptedException {
        return get("settings/public", "tell whether it is set up");
    }

    /**
     * {@code POST auth/jellyfin}: signs in with a Jellyfin or Emby user. With no Seerr user yet, that
     * user becomes Seerr's admin and Seerr keeps the server's address and an API key it makes there.
     */
    JsonNode signInWithMediaServer(ObjectNode body) throws ArrException, InterruptedException {
        String what = "sign in with the media server's admin";
        return http.tree(http.write(json("auth/jellyfin", REACHING).POST(SetupHttp.body(body)).build(), what), what);
    }

    /** {@code GET settings/main}: holds Seerr's API key. */
    JsonNode mainSettings() throws ArrException, InterruptedException {
        return get("settings/main", "tell its main settings");
    }

    /** {@code GET settings/jellyfin/library?sync=true}: asks the media server for its libraries (enabling none). */
    List<JsonNode> syncLibraries() throws ArrException, InterruptedException {
        String what = "read the media server's libraries";
        return list(http.write(json("settings/jellyfin/library?sync=true", REACHING).GET().build(), what), what);
    }

    /** {@code GET settings/jellyfin/library?enable=…}: these libraries on, every other off. */
    List<JsonNode> enableLibraries(List<String> ids) throws ArrException, InterruptedException {
        String what = "turn on the media server's libraries";
        String query = URLEncoder.encode(String.join(",", ids), StandardCharsets.UTF_8);
        return list(http.write(json("settings/jellyfin/library?enable=" + query, TIMEOUT).GET().build(), what), what);
    }

    /** {@code GET settings/jellyfin/users}: Seerr asks the media server with its own key; Berth's proof of that link. */
    void mediaServerUsers() throws ArrException, InterruptedException {
        http.send(json("settings/jellyfin/users", REACHING).GET().build(), "ask the media server for its users");
    }

    /** {@code GET settings/sonarr|radarr}: every instance, with its key. */
    List<JsonNode> instances(Servarr app) throws ArrException, InterruptedException {
        String what = "list its " + name(app) + " servers";
        return list(http.send(json(app.path(), TIMEOUT).GET().build(), what), what);
    }

    /**
     * {@code POST settings/sonarr|radarr/test}: Seerr connects to the app; on success it answers the
     * app's quality profiles and root folders. Seerr says only "Failed to connect to Sonarr" when it
     * cannot: that is the exception's reason.
     */
    JsonNode test(Servarr app, ObjectNode connection) throws ArrException, InterruptedException {
        String what = "connect to " + name(app);
        return http.tree(http.send(json(app.path() + "/test", REACHING).POST(SetupHttp.body(connection)).build(), what), what);
    }

    /** {@code POST settings/sonarr|radarr}. */
    JsonNode add(Servarr app, ObjectNode instance) throws ArrException, InterruptedException {
        String what = "add " + name(app);
        return http.tree(http.write(json(app.path(), TIMEOUT).POST(SetupHttp.body(instance)).build(), what), what);
    }

    /** {@code POST settings/initialize}: the setup pages are done; the person's first sign-in lands in Seerr itself. */
    void initialize() throws ArrException, InterruptedException {
        http.write(json("settings/initialize", TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(), "finish its setup");
    }

    static String name(Servarr app) {
        return app == Servarr.SONARR ? "Sonarr" : "Radarr";
    }

    private JsonNode get(String path, String what) throws ArrException, InterruptedException {
        return http.tree(http.send(json(path, TIMEOUT).GET().build(), what), what);
    }

    private List<JsonNode> list(String body, String what) throws ArrException {
        JsonNode node = http.tree(body, what);
        if (!node.isArray()) {
            throw new ArrException(200, http.where() + " answered in a way its API does not when asked to " + what, "");
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    private HttpRequest.Builder json(String path, Duration timeout) {
        HttpRequest.Builder b = http.request(path, timeout).header("Content-Type", "application/json");
        return apiKey == null ? b : b.header("X-Api-Key", apiKey);
    }

    /** Seerr's error answers: {@code {message}} from its error handler, {@code {error}} from the sign-in's own checks. */
    static String reason(String body) {
        try {
            JsonNode answer = SetupHttp.JSON.readTree(body);
            if (answer == null) {
                return "";
            }
            return answer.path("message").asText(answer.path("error").asText(""));
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "SeerrClient[" + http.where() + "]";
    }

    @Override
    public void close() {
        http.close();
    }
}

package dev.berth.engine.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls of an *arr app's HTTP API (Sonarr, Radarr, Lidarr: v3/v1; Prowlarr: v1) that wiring
 * needs: provider lists ({@code downloadclient}, {@code applications}, {@code indexerproxy}) with
 * their {@code test} endpoint, root folders, tags, {@code config/host} and {@code system/status}.
 * Resources stay JSON trees: an update sends back what the app answered with only Berth's
 * settings changed, so settings Berth does not know keep their values.
 *
 * <p>Counts its write requests (create, update, delete; a {@code test} changes nothing and is not
 * counted). Messages name the app, the call and the app's own reason, never the key, a password
 * or a body.
 */
public final class ArrClient implements AutoCloseable {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A provider test makes the app reach the other side (a download client, another *arr app), which may time out itself. */
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final String apiKey;
    private final String where;
    private final SetupHttp http;
    private final AtomicInteger writes = new AtomicInteger();

    /**
     * @param base    where Berth reaches the app, e.g. {@code http://127.0.0.1:8989} (already tunnelled by the caller)
     * @param apiPath the catalog's {@code api.path}: {@code /api/v3} or {@code /api/v1}
     * @param apiKey  the key Berth preset for the app, sent as {@code X-Api-Key}
     * @param where   the app for messages: "Sonarr (port 8989 on nas.local)"
     */
    public ArrClient(URI base, String apiPath, String apiKey, String where) {
        String b = base.toString().replaceAll("/+$", "");
        this.api = URI.create(b + "/" + apiPath.replaceAll("^/+|/+$", "") + "/");
        this.apiKey = apiKey;
        this.where = where;
        this.http = new SetupHttp(api, where, ArrClient::reason);
    }

    /** Create, update and delete requests sent so far (tests and reads do not count). */
    public int writes() {
        return writes.get();
    }

    /** {@code GET system/status}: the app's name and version; the cheapest proof that the key is accepted. */
    public ObjectNode systemStatus() throws ArrException, InterruptedException {
        return object(send(get("system/status"), "tell its status"), "tell its status");
    }

    /** {@code GET <resource>}: every entry of a provider list, whoever made it. */
    public List<ObjectNode> providers(Wanted.Kind kind) throws ArrException, InterruptedException {
        return list(send(get(kind.resource()), "list its " + noun(kind)), "list its " + noun(kind));
    }

    /**
     * {@code POST <resource>?forceSave=true}. The app validates the settings and, for an enabled
     * entry, runs its own test first: an entry whose other side it cannot reach is refused with the
     * test's words. {@code forceSave} only keeps warnings ("A category is recommended") from refusing it.
     */
    public ObjectNode create(Wanted.Kind kind, ObjectNode entry) throws ArrException, InterruptedException {
        String what = "add the " + noun(kind) + " " + name(entry);
        return object(write(request(kind.resource() + "?forceSave=true", REQUEST_TIMEOUT).POST(body(entry)).build(), what), what);
    }

    /**
     * {@code PUT <resource>/{id}?forceSave=true}: the whole entry, as read, with Berth's settings
     * changed. With {@code forceSave} the app saves without testing; the test Berth calls next proves it.
     */
    public ObjectNode update(Wanted.Kind kind, int id, ObjectNode entry) throws ArrException, InterruptedException {
        String what = "change the " + noun(kind) + " " + name(entry);
        return object(write(request(kind.resource() + "/" + id + "?forceSave=true", REQUEST_TIMEOUT).PUT(body(entry)).build(), what), what);
    }

    /** {@code DELETE <resource>/{id}}. */
    public void delete(Wanted.Kind kind, int id, String name) throws ArrException, InterruptedException {
        write(request(kind.resource() + "/" + id, REQUEST_TIMEOUT).DELETE().build(), "remove the " + noun(kind) + " " + name);
    }

    /**
     * {@code POST <resource>/test}: the app's own check of an entry (it connects to the other
     * side). Empty when it passed; else the app's own words. An entry with its {@code id} is
     * tested with the secrets the app keeps (a read answer masks them as {@code ********}).
     */
    public Optional<String> test(Wanted.Kind kind, ObjectNode entry) throws ArrException, InterruptedException {
        String what = "test the " + noun(kind) + " " + name(entry);
        HttpResponse<String> r = exchange(request(kind.resource() + "/test", TEST_TIMEOUT).POST(body(entry)).build(), what);
        if (r.statusCode() / 100 == 2) {
            return Optional.empty();
        }
        if (r.statusCode() == 400) {
            String reason = reason(r);
            return Optional.of(reason.isEmpty() ? "its test failed without saying why" : reason);
        }
        throw failure(r, what);
    }

    /** {@code GET rootfolder}. */
    public List<ObjectNode> rootFolders() throws ArrException, InterruptedException {
        return list(send(get("rootfolder"), "list its root folders"), "list its root folders");
    }

    /** {@code POST rootfolder}: the app checks the folder exists and it may write there. */
    public ObjectNode createRootFolder(ObjectNode folder) throws ArrException, InterruptedException {
        String what = "add the root folder " + folder.path("path").asText();
        return object(write(request("rootfolder", REQUEST_TIMEOUT).POST(body(folder)).build(), what), what);
    }

    /** {@code GET tag}. */
    public List<ObjectNode> tags() throws ArrException, InterruptedException {
        return list(send(get("tag"), "list its tags"), "list its tags");
    }

    /** {@code POST tag}. */
    public ObjectNode createTag(String label) throws ArrException, InterruptedException {
        String what = "add the tag " + label;
        ObjectNode tag = JSON.createObjectNode().put("label", label);
        return object(write(request("tag", REQUEST_TIMEOUT).POST(body(tag)).build(), what), what);
    }

    /** {@code GET config/host}: sign-in method and user among the host settings. Holds the API key and the stored password hash: never shown. */
    public ObjectNode hostConfig() throws ArrException, InterruptedException {
        return object(send(get("config/host"), "tell its sign-in settings"), "tell its sign-in settings");
    }

    /** {@code PUT config/host/{id}}: the host settings as read, with the sign-in changed. */
    public ObjectNode updateHostConfig(ObjectNode config) throws ArrException, InterruptedException {
        String what = "change its sign-in";
        int id = config.path("id").asInt(1);
        return object(write(request("config/host/" + id, REQUEST_TIMEOUT).PUT(body(config)).build(), what), what);
    }

    private HttpRequest get(String path) {
        return request(path, REQUEST_TIMEOUT).GET().build();
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(api.resolve(path)).timeout(timeout)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("X-Api-Key", apiKey);
    }

    private String write(HttpRequest request, String what) throws ArrException, InterruptedException {
        writes.incrementAndGet(); // counted when sent: a refused write still reached the app
        return send(request, what);
    }

    private String send(HttpRequest request, String what) throws ArrException, InterruptedException {
        HttpResponse<String> r = exchange(request, what);
        if (r.statusCode() / 100 == 2) {
            return r.body();
        }
        throw failure(r, what);
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) throws ArrException, InterruptedException {
        return http.exchange(request, what);
    }

    private ArrException failure(HttpResponse<String> r, String what) {
        if (r.statusCode() == 401) {
            return new ArrException(401, where + " did not accept Berth's API key when asked to " + what
                    + ". Its key no longer matches secrets/ (changed in its Settings → General?): put the key from"
                    + " secrets/ back there, or run berth deploy to write it again.", "");
        }
        String reason = reason(r);
        return new ArrException(r.statusCode(), where + " did not " + what + ": HTTP " + r.statusCode()
                + (reason.isEmpty() ? "" : " (" + reason + ")"), reason);
    }

    /**
     * The app's own words: a refused request answers 400 with its validation failures
     * ({@code [{propertyName, errorMessage, …}]}, written by the error pipeline from a
     * ValidationException); other errors answer {@code {message, description}}, where the
     * description is a stack trace and is left out. The attempted values are never quoted.
     */
    static String reason(HttpResponse<String> r) {
        return reason(r.body());
    }

    static String reason(String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return "";
        }
        if (answer == null) {
            return "";
        }
        if (answer.isArray()) {
            List<String> failures = new ArrayList<>();
            for (JsonNode f : answer) {
                String property = f.path("propertyName").asText("");
                String message = f.path("errorMessage").asText("");
                if (!message.isEmpty()) {
                    failures.add(property.isEmpty() ? message : property + ": " + message);
                }
            }
            return String.join("; ", failures);
        }
        return answer.path("message").asText("");
    }

    private ObjectNode object(String body, String what) throws ArrException {
        JsonNode node = tree(body, what);
        if (!node.isObject()) {
            throw unexpected(what);
        }
        return (ObjectNode) node;
    }

    private List<ObjectNode> list(String body, String what) throws ArrException {
        JsonNode node = tree(body, what);
        if (!node.isArray()) {
            throw unexpected(what);
        }
        List<ObjectNode> entries = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isObject()) {
                throw unexpected(what);
            }
            entries.add((ObjectNode) n);
        }
        return entries;
    }

    private JsonNode tree(String body, String what) throws ArrException {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw unexpected(what); // Jackson's message quotes the body, which may hold the key (config/host)
        }
    }

    private ArrException unexpected(String what) {
        return new ArrException(200, where + " answered in a way its API does not when asked to " + what
                + "; is that address really the app (and its URL base right)?", "");
    }

    /** The kind of entry in words, for messages: "download client", "application", "indexer proxy". */
    static String noun(Wanted.Kind kind) {
        return switch (kind) {
            case DOWNLOAD_CLIENT -> "download client";
            case APPLICATION -> "application";
            case INDEXER_PROXY -> "indexer proxy";
        };
    }

    private static String name(ObjectNode entry) {
        return entry.path("name").asText("");
    }

    /** A JSON request body; the media servers' client sends its bodies the same way. */
    static HttpRequest.BodyPublisher body(JsonNode json) {
        return SetupHttp.body(json);
    }

    @Override
    public String toString() {
        return "ArrClient[" + where + "]"; // no key
    }

    /** Stops what is still in flight (a cancelled deploy must not wait for a slow test). */
    @Override
    public void close() {
        http.close();
    }
}

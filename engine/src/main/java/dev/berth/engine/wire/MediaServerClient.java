package dev.berth.engine.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls of Jellyfin's and Emby's APIs that their first run and Berth's setup need, as Jellyfin
 * 10.11's controllers and Emby 4.8's services take them (the differences are {@link MediaServerApi}'s):
 * public system info, the startup wizard ({@code Startup/Configuration},
 * {@code Startup/User}, {@code Startup/RemoteAccess}, {@code Startup/Complete}), signing in
 * ({@code Users/AuthenticateByName}), libraries ({@code Library/VirtualFolders}) and API keys
 * ({@code Auth/Keys}). Every request carries Jellyfin's {@code Authorization: MediaBrowser Client=…,
 * Device=…, DeviceId=…, Version=…} header (Emby's {@code X-Emby-Authorization: Emby …}, and {@code X-Emby-Token}),
 * with {@code Token=…} once Berth has one (a session's or an API key).
 *
 * <p>Counts its write requests (everything that changes the server; signing in only opens a
 * session and is not counted). Messages name the server, the call and its own words, never a
 * password, token or key.
 */
public final class MediaServerClient implements AutoCloseable {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** What Jellyfin's sessions and API keys list show for Berth. */
    static final String CLIENT = "Berth";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final MediaServerApi api;
    private final String deviceId;
    private final String where;
    private final HttpClient http;
    private final AtomicInteger writes = new AtomicInteger();
    private String token;

    /**
     * @param base     where Berth reaches the server ({@code http://127.0.0.1:<tunnel port>})
     * @param deviceId what the server files Berth's sessions under; the same on every run, so
     *                 signing in again replaces Berth's session rather than adding devices
     * @param where    the server for messages: "Jellyfin on nas.local"
     */
    public MediaServerClient(URI base, MediaServerApi api, String deviceId, String where) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/" + api.pathPrefix());
        this.api = api;
        this.deviceId = deviceId;
        this.where = where;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Write requests sent so far. */
    public int writes() {
        return writes.get();
    }

    /** From now on every request is made as this session or API key. */
    public void useToken(String accessToken) {
        this.token = accessToken;
    }

    /** {@code GET System/Info/Public}: name, version and whether the startup wizard is complete; needs no sign-in. */
    public ObjectNode publicInfo() throws MediaServerException, InterruptedException {
        return object(send(request("System/Info/Public").GET().build(), "tell its public info"), "tell its public info");
    }

    /**
     * Whether the startup wizard is complete. Jellyfin says so in its public info (absent counts as
     * complete: never redo a server's first run by guess). Emby's public info does not; its startup
     * service lets anyone in only while the wizard is open, and asks for an administrator after,
     * so {@code GET Startup/Configuration} without a sign-in tells it.
     */
    public boolean wizardCompleted() throws MediaServerException, InterruptedException {
        if (api.wizardInPublicInfo()) {
            JsonNode completed = publicInfo().get("StartupWizardCompleted");
            return completed == null || completed.isNull() || completed.asBoolean(true);
        }
        publicInfo(); // a server that answers, else the caller's message is that it does not
        String token = this.token;
        this.token = null;
        try {
            send(request("Startup/Configuration").GET().build(), "tell whether its startup wizard is open");
            return false;
        } catch (MediaServerException e) {
            if (e.status() == 401 || e.status() == 403) {
                return true;
            }
            throw e;
        } finally {
            this.token = token;
        }
    }

    /** {@code POST Startup/Configuration}: server name (where the server takes it here), UI culture, metadata country and language. */
    public void startupConfiguration(String serverName, String uiCulture, String country, String language)
            throws MediaServerException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        if (api.namesServerAtStartup()) {
            body.put("ServerName", serverName);
        }
        body.put("UICulture", uiCulture).put("MetadataCountryCode", country).put("PreferredMetadataLanguage", language);
        write(request("Startup/Configuration").POST(ArrClient.body(body)).build(), "take the server name and languages");
    }

    /**
     * {@code GET Startup/User}: the first user's name. Jellyfin makes that user on this call (its
     * controller says the wizard still needs it), so it must come before {@link #startupUser}.
     */
    public String firstUser() throws MediaServerException, InterruptedException {
        return object(send(request("Startup/User").GET().build(), "name its first user"), "name its first user").path("Name").asText("");
    }

    /** {@code POST Startup/User}: the first user's name and password. */
    public void startupUser(String name, String password) throws MediaServerException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("Name", name).put("Password", password);
        write(request("Startup/User").POST(ArrClient.body(body)).build(), "set its first user");
    }

    /** {@code POST Startup/RemoteAccess}. Automatic port mapping (UPnP) is gone from Jellyfin and stays off. */
    public void remoteAccess(boolean enable) throws MediaServerException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("EnableRemoteAccess", enable).put("EnableAutomaticPortMapping", false);
        write(request("Startup/RemoteAccess").POST(ArrClient.body(body)).build(), "set remote access");
    }

    /** {@code POST Startup/Complete}: the wizard is done; from now on only an administrator may change settings. */
    public void completeStartup() throws MediaServerException, InterruptedException {
        write(request("Startup/Complete").POST(HttpRequest.BodyPublishers.noBody()).build(), "complete its startup wizard");
    }

    /**
     * The server's name through its settings: {@code GET System/Configuration}, then the whole of it
     * back with the name changed ({@code POST} takes the full {@code ServerConfiguration}). For Emby,
     * whose startup configuration has no server name; needs an administrator.
     */
    public void nameServer(String serverName) throws MediaServerException, InterruptedException {
        String what = "tell its settings";
        ObjectNode settings = object(send(request("System/Configuration").GET().build(), what), what);
        settings.put("ServerName", serverName);
        write(request("System/Configuration").POST(ArrClient.body(settings)).build(), "take the server name " + serverName);
    }

    /** {@code POST Users/AuthenticateByName}: a session for the user; its token is used from then on. */
    public void signIn(String user, String password) throws MediaServerException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("Username", user).put("Pw", password);
        String what = "let " + user + " sign in";
        ObjectNode session = object(send(request("Users/AuthenticateByName").POST(ArrClient.body(body)).build(), what), what);
        String accessToken = session.path("AccessToken").asText("");
        if (accessToken.isEmpty()) {
            throw unexpected(what);
        }
        this.token = accessToken;
    }

    /**
     * Every library with its folders ({@code Name}, {@code Locations}, {@code CollectionType}): Jellyfin's
     * {@code GET Library/VirtualFolders}, an array; Emby's {@code GET Library/VirtualFolders/Query}, a query result.
     */
    public List<ObjectNode> libraries() throws MediaServerException, InterruptedException {
        String what = "list its libraries";
        if (api.librariesInQueryResult()) {
            return items(object(send(request("Library/VirtualFolders/Query").GET().build(), what), what));
        }
        return list(send(request("Library/VirtualFolders").GET().build(), what), what);
    }

    /**
     * {@code POST Library/VirtualFolders}: a library over one folder, with the metadata language and
     * country the person chose, scanned at once. Jellyfin takes name, type and folder as query
     * parameters; Emby only in its {@code AddVirtualFolder} body, the folder once, in {@code LibraryOptions.PathInfos}.
     */
    public void addLibrary(String name, String collectionType, String path, String language, String country)
            throws MediaServerException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        String target = "Library/VirtualFolders";
        if (api.librariesInQueryResult()) {
            body.put("Name", name).put("CollectionType", collectionType).put("RefreshLibrary", true);
        } else {
            target += "?" + query(Map.of("name", name, "collectionType", collectionType, "paths", path, "refreshLibrary", "true"));
        }
        body.putObject("LibraryOptions").put("PreferredMetadataLanguage", language).put("MetadataCountryCode", country)
                .putArray("PathInfos").addObject().put("Path", path);
        write(request(target).POST(ArrClient.body(body)).build(), "add the library " + name + " (" + path + ")");
    }

    /** {@code GET Auth/Keys}: the API keys ({@code AccessToken}, {@code AppName}, {@code DateCreated}); needs an administrator. */
    public List<ObjectNode> apiKeys() throws MediaServerException, InterruptedException {
        return items(object(send(request("Auth/Keys").GET().build(), "list its API keys"), "list its API keys"));
    }

    /** A query result's {@code Items}. */
    private static List<ObjectNode> items(ObjectNode result) {
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : result.path("Items")) {
            if (item.isObject()) {
                items.add((ObjectNode) item);
            }
        }
        return items;
    }

    /** {@code POST Auth/Keys?app=…}: a new key; the server answers 204 without it, so the caller lists the keys after. */
    public void createApiKey(String app) throws MediaServerException, InterruptedException {
        write(request("Auth/Keys?" + query(Map.of(api.keyAppParameter(), app))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                "make an API key for " + app);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header(api.authHeader(), authorization());
        if (token != null && api.tokenHeader() != null) {
            request.header(api.tokenHeader(), token);
        }
        return request;
    }

    /** The servers' own scheme (Jellyfin's AuthorizationContext, Emby's): quoted, comma-separated parts after the scheme's word. */
    private String authorization() {
        StringJoiner parts = new StringJoiner(", ", api.authScheme() + " ", "");
        parts.add("Client=\"" + CLIENT + "\"").add("Device=\"" + CLIENT + "\"").add("DeviceId=\"" + deviceId + "\"")
                .add("Version=\"1\"");
        if (token != null) {
            parts.add("Token=\"" + token + "\"");
        }
        return parts.toString();
    }

    private void write(HttpRequest request, String what) throws MediaServerException, InterruptedException {
        writes.incrementAndGet(); // counted when sent: a refused write still reached the server
        send(request, what);
    }

    private String send(HttpRequest request, String what) throws MediaServerException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("cancelled before " + where + " was asked to " + what);
        }
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MediaServerException(MediaServerException.NO_ANSWER, "No answer from " + where + " when asked to " + what
                    + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", "", e);
        }
        if (r.statusCode() / 100 == 2) {
            return r.body();
        }
        String reason = reason(r.body());
        throw new MediaServerException(r.statusCode(), where + " did not " + what + ": HTTP " + r.statusCode()
                + (reason.isEmpty() ? "" : " (" + reason + ")"), reason, null);
    }

    /**
     * The server's own words: Jellyfin's exception middleware answers plain text (the exception's
     * message); a controller's BadRequest("…") answers a JSON string; ASP.NET's own refusals a
     * problem object with {@code title} (and {@code errors}). Cut short: never a whole page.
     */
    static String reason(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && json.isTextual()) {
                text = json.asText();
            } else if (json != null && json.isObject()) {
                List<String> words = new ArrayList<>();
                if (json.hasNonNull("title")) {
                    words.add(json.get("title").asText());
                }
                json.path("errors").properties().forEach(e -> e.getValue().forEach(m -> words.add(e.getKey() + ": " + m.asText())));
                text = String.join("; ", words);
            }
        } catch (JsonProcessingException notJson) {
            // plain text, as the exception middleware writes it
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private ObjectNode object(String body, String what) throws MediaServerException {
        JsonNode node = tree(body, what);
        if (!node.isObject()) {
            throw unexpected(what);
        }
        return (ObjectNode) node;
    }

    private List<ObjectNode> list(String body, String what) throws MediaServerException {
        JsonNode node = tree(body, what);
        if (!node.isArray()) {
            throw unexpected(what);
        }
        List<ObjectNode> entries = new ArrayList<>();
        node.forEach(n -> {
            if (n.isObject()) {
                entries.add((ObjectNode) n);
            }
        });
        return entries;
    }

    private JsonNode tree(String body, String what) throws MediaServerException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null) {
                throw unexpected(what);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw unexpected(what); // Jackson's message quotes the body, which may hold a token
        }
    }

    private MediaServerException unexpected(String what) {
        return new MediaServerException(200, where + " answered in a way its API does not when asked to " + what
                + "; is that address really the media server?", "", null);
    }

    private static String query(Map<String, String> params) {
        StringJoiner q = new StringJoiner("&");
        new java.util.TreeMap<>(params).forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    @Override
    public String toString() {
        return "MediaServerClient[" + where + "]"; // no token
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}

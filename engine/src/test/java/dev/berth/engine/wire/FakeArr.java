package dev.berth.engine.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * A stand-in for Sonarr, Radarr, Lidarr or Prowlarr (no image of theirs can run here), answering
 * as their API does for the calls wiring makes: providers ({@code downloadclient},
 * {@code applications}, {@code indexerproxy}) with {@code test}, root folders, tags,
 * {@code config/host} and {@code system/status}, behind {@code X-Api-Key} (a wrong or missing
 * key: 401 without a body).
 *
 * <p>Every request must be an operation of the app's own OpenAPI description and its body must
 * pass that operation's schema; every answer is checked against the documented answer schema,
 * so the double cannot drift from the real API ({@link #badAnswers()} lists its own slips).
 * Provider {@code fields[].name}s must be the settings class's ({@link ArrProviderFields}). Here
 * the double is stricter than the app, on purpose: the app silently ignores a field name it does
 * not know, which would leave the setting unset without a word; the double refuses it with 400
 * and lists it in {@link #refusedBodies()}. A refusal is answered as the app's error pipeline
 * does: 400 with a list of {@code {propertyName, errorMessage, severity}}.
 *
 * <p>Keeps state like the app (ids, entries, masked secrets as {@code ********}, the user's
 * stored password hash in {@code config/host}) and counts write requests: POST, PUT and DELETE
 * except the {@code test} endpoints.
 */
final class FakeArr implements AutoCloseable {
    /** One request as it arrived, and the status it got. */
    record Exchange(String method, String path, int status) {
    }

    static final String MASK = "********";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrApp app;
    private final String apiKey;
    private final HttpServer server;
    private final Map<Wanted.Kind, Map<Integer, ObjectNode>> providers = new EnumMap<>(Wanted.Kind.class);
    private final Map<Integer, ObjectNode> rootFolders = new LinkedHashMap<>();
    private final Map<Integer, ObjectNode> tags = new LinkedHashMap<>();
    private final Map<String, String> failingTests = new HashMap<>();
    private final Map<String, String> refusedSaves = new HashMap<>();
    private final Map<String, String> reachableKeys = new HashMap<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<String> refusedBodies = new ArrayList<>();
    private final List<String> badAnswers = new ArrayList<>();
    private String authenticationMethod = "none";
    private String username = "";
    private String passwordHash = "";
    private int nextId = 1;
    private int writes;

    private FakeArr(ArrApp app, String apiKey, HttpServer server) {
        this.app = app;
        this.apiKey = apiKey;
        this.server = server;
        app.kinds().forEach(k -> providers.put(k, new LinkedHashMap<>()));
    }

    /**
     * Skipped (failed under CI) when the apps' descriptions are absent: the double cannot answer
     * as the app without them. Start it in @BeforeEach or the test, not @BeforeAll.
     */
    static FakeArr start(ArrApp app, String apiKey) throws IOException {
        ArrSchemas.require();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeArr arr = new FakeArr(app, apiKey, server);
        server.createContext("/", arr::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return arr;
    }

    ArrApp app() {
        return app;
    }

    /** Where Berth reaches it, without the API path. */
    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A client as wiring makes one, with the right key. */
    ArrClient client() {
        return new ArrClient(base(), app.apiPath(), apiKey, app.displayName() + " (test double)");
    }

    /** From now on the app's test of the entry named {@code name} fails with these words (as when the other side is down). */
    synchronized void failTests(String name, String property, String message) {
        failingTests.put(name.toLowerCase(Locale.ROOT), property + "\n" + message);
    }

    /**
     * Prowlarr reaches this app at {@code baseUrl}: testing an application with that base URL
     * checks its API key as the app would ({@code SonarrV3Proxy.TestConnection}: a 401 becomes
     * "API Key is invalid" on ApiKey). An application whose base URL is not known here passes.
     */
    synchronized void reaches(String baseUrl, FakeArr other) {
        reachableKeys.put(baseUrl.replaceAll("/+$", ""), other.apiKey);
    }

    /** From now on saving the entry named {@code name} is refused with these words (as the app's validators refuse). */
    synchronized void refuseSaves(String name, String property, String message) {
        refusedSaves.put(name.toLowerCase(Locale.ROOT), property + "\n" + message);
    }

    /** An entry the person made in the app's own pages; checked against the same schema and field names. */
    synchronized int personAdds(Wanted.Kind kind, String json) throws JsonProcessingException {
        ObjectNode body = (ObjectNode) JSON.readTree(json);
        String template = app.apiPath() + "/" + kind.resource();
        List<String> problems = new ArrayList<>(ArrSchemas.problems(ArrSchemas.request(app, template, "post").orElseThrow(), body));
        problems.addAll(providerProblems(kind, body, null));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(app.displayName() + "'s own page would not send this: " + problems);
        }
        return store(kind, body, null).path("id").asInt();
    }

    /** The person edits one setting of an entry in the app's page. */
    synchronized void personChanges(Wanted.Kind kind, String name, String field, Object value) {
        ObjectNode entry = byName(kind, name).orElseThrow();
        for (JsonNode f : entry.path("fields")) {
            if (f.path("name").asText().equals(field)) {
                ((ObjectNode) f).set("value", JSON.valueToTree(value));
            }
        }
    }

    /** The entries as stored, secrets unmasked (what the app keeps in its database). */
    synchronized List<ObjectNode> stored(Wanted.Kind kind) {
        return providers.get(kind).values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized Optional<ObjectNode> stored(Wanted.Kind kind, String name) {
        return byName(kind, name).map(ObjectNode::deepCopy);
    }

    /** A stored field's value (unmasked). */
    synchronized Optional<JsonNode> field(Wanted.Kind kind, String name, String field) {
        return byName(kind, name).flatMap(e -> fieldOf(e, field));
    }

    synchronized List<String> rootFolders() {
        return rootFolders.values().stream().map(r -> r.path("path").asText()).toList();
    }

    synchronized List<String> tags() {
        return tags.values().stream().map(t -> t.path("label").asText()).toList();
    }

    /** The sign-in as the app keeps it: method, user, and whether this password is the stored one. */
    synchronized String signIn() {
        return authenticationMethod + " " + username;
    }

    synchronized boolean passwordIs(String password) {
        return !passwordHash.isEmpty() && passwordHash.equals(hash(password));
    }

    /** Create, update and delete requests received (refused ones too; tests and reads do not count). */
    synchronized int writes() {
        return writes;
    }

    synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Requests refused for their body (the schema, a field name, or the app's validators), one line each. */
    synchronized List<String> refusedBodies() {
        return List.copyOf(refusedBodies);
    }

    /** Answers of the double that break the app's response schemas: a bug in the double. */
    synchronized List<String> badAnswers() {
        return List.copyOf(badAnswers);
    }

    // --- HTTP ----------------------------------------------------------------------------------

    private record Reply(int status, JsonNode body) {
    }

    /** A request the app refuses, with its answer. */
    private static final class Refusal extends RuntimeException {
        final int status;
        final JsonNode body;

        Refusal(int status, JsonNode body) {
            super(null, null, false, false);
            this.status = status;
            this.body = body;
        }
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toLowerCase(Locale.ROOT);
        String path = ex.getRequestURI().getPath();
        Reply reply;
        try {
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            reply = route(method, path, ex.getRequestURI().getQuery(), body, ex.getRequestHeaders().getFirst("X-Api-Key"));
        } catch (Refusal r) {
            reply = new Reply(r.status, r.body);
        } catch (JsonProcessingException e) {
            reply = new Reply(400, validation("", "The JSON value could not be converted."));
        }
        exchanges.add(new Exchange(method.toUpperCase(Locale.ROOT), path, reply.status()));
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().toString().getBytes(StandardCharsets.UTF_8);
        if (reply.body() != null) {
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Reply route(String method, String path, String query, JsonNode body, String key) {
        if (key == null || !key.equals(apiKey)) {
            return new Reply(401, null); // the apps' API key handler answers 401 with no body
        }
        String template = ArrSchemas.operation(app, path, method).orElseThrow(() -> notFound(method, path));
        boolean isWrite = !method.equals("get") && !path.endsWith("/test");
        if (isWrite) {
            writes++;
        }
        Optional<JsonSchema> requestSchema = ArrSchemas.request(app, template, method);
        if (requestSchema.isPresent()) {
            if (body == null) {
                throw refuse(method, path, "", "A non-empty request body is required.");
            }
            List<String> problems = ArrSchemas.problems(requestSchema.get(), body);
            if (!problems.isEmpty()) {
                throw refuse(method, path, "", String.join("; ", problems));
            }
        }
        String rest = path.substring(app.apiPath().length() + 1);
        String[] parts = rest.split("/");
        Reply reply = switch (parts[0]) {
            case "system" -> new Reply(200, status());
            case "tag" -> tag(method, path, (ObjectNode) body);
            case "rootfolder" -> rootFolder(method, path, (ObjectNode) body);
            case "config" -> hostConfig(method, path, (ObjectNode) body);
            default -> provider(kindOf(parts[0]).orElseThrow(() -> notFound(method, path)), method, path, parts,
                    (ObjectNode) body, query);
        };
        ArrSchemas.response(app, template, method).ifPresent(schema -> {
            List<String> problems = reply.body() == null ? List.of("no body") : ArrSchemas.problems(schema, reply.body());
            if (!problems.isEmpty()) {
                badAnswers.add(method + " " + template + " " + reply.status() + ": " + problems);
            }
        });
        return reply;
    }

    private Optional<Wanted.Kind> kindOf(String resource) {
        return app.kinds().stream().filter(k -> k.resource().equals(resource)).findFirst();
    }

    private Refusal notFound(String method, String path) {
        refusedBodies.add(method.toUpperCase(Locale.ROOT) + " " + path + ": not an operation of " + app.displayName() + "'s API");
        return new Refusal(404, JSON.createObjectNode().put("message", "NotFound"));
    }

    private Refusal refuse(String method, String path, String property, String message) {
        refusedBodies.add(method.toUpperCase(Locale.ROOT) + " " + path + ": " + (property.isEmpty() ? "" : property + ": ") + message);
        return new Refusal(400, validation(property, message));
    }

    /** As the error pipeline writes a ValidationException: its failures as a list. */
    private static ArrayNode validation(String property, String message) {
        ArrayNode failures = JSON.createArrayNode();
        failures.addObject().put("propertyName", property).put("errorMessage", message).put("severity", "error");
        return failures;
    }

    private ObjectNode status() {
        return JSON.createObjectNode().put("appName", app.displayName()).put("instanceName", app.displayName())
                .put("version", app.version()).put("isDocker", true).put("authentication", authenticationMethod)
                .put("urlBase", "");
    }

    // --- tags, root folders, sign-in -------------------------------------------------------------

    private Reply tag(String method, String path, ObjectNode body) {
        if (method.equals("get")) {
            return new Reply(200, array(tags.values()));
        }
        if (method.equals("post")) {
            String label = body.path("label").asText("");
            if (!label.matches("(?i)^[a-z0-9-]+$")) { // TagController: NotEmpty, Matches("^[a-z0-9-]+$", IgnoreCase)
                throw refuse(method, path, "Label", "Allowed characters a-z, 0-9 and -");
            }
            // TagService.Add: labels are kept in lower case; an existing label is answered, not made twice.
            Optional<ObjectNode> same = tags.values().stream().filter(t -> t.path("label").asText().equals(label.toLowerCase(Locale.ROOT))).findFirst();
            ObjectNode tag = same.orElseGet(() -> {
                ObjectNode t = JSON.createObjectNode().put("id", nextId++).put("label", label.toLowerCase(Locale.ROOT));
                tags.put(t.get("id").asInt(), t);
                return t;
            });
            return new Reply(201, tag.deepCopy());
        }
        throw notFound(method, path);
    }

    private Reply rootFolder(String method, String path, ObjectNode body) {
        if (method.equals("get")) {
            return new Reply(200, array(rootFolders.values()));
        }
        if (method.equals("post")) {
            String folder = body.path("path").asText("");
            if (!folder.startsWith("/")) {
                throw refuse(method, path, "Path", "Invalid Path: '" + folder + "'");
            }
            if (rootFolders.values().stream().anyMatch(r -> r.path("path").asText().equals(folder))) {
                throw refuse(method, path, "Path", "Path '" + folder + "' is already configured as a root folder");
            }
            if (app == ArrApp.LIDARR) { // Lidarr.Api.V1/RootFolders/RootFolderController.cs
                if (body.path("name").asText("").isBlank()) {
                    throw refuse(method, path, "Name", "'Name' must not be empty.");
                }
                if (body.path("defaultMetadataProfileId").asInt(0) < 1 || body.path("defaultQualityProfileId").asInt(0) < 1) {
                    throw refuse(method, path, "DefaultQualityProfileId", "Quality Profile does not exist");
                }
            }
            ObjectNode stored = body.deepCopy();
            stored.put("id", nextId++).put("accessible", true).put("freeSpace", 1L << 40);
            if (app != ArrApp.LIDARR) {
                stored.putArray("unmappedFolders");
            }
            rootFolders.put(stored.get("id").asInt(), stored);
            return new Reply(201, stored.deepCopy());
        }
        throw notFound(method, path);
    }

    /** Sonarr.Api.V3/Config/HostConfigController.cs: GET answers the user's stored password hash; PUT validates, then upserts the user. */
    private Reply hostConfig(String method, String path, ObjectNode body) {
        if (method.equals("put")) {
            String m = body.path("authenticationMethod").asText("none");
            String user = body.path("username").asText("");
            String password = body.path("password").asText("");
            if (app == ArrApp.RADARR && m.equals("basic")) {
                throw refuse(method, path, "AuthenticationMethod", "'Basic' is no longer supported, switch to 'Forms' instead.");
            }
            boolean needsUser = m.equals("forms") || m.equals("basic");
            if (needsUser && user.isBlank()) {
                throw refuse(method, path, "Username", "'Username' must not be empty.");
            }
            if (needsUser && password.isBlank()) {
                throw refuse(method, path, "Password", "'Password' must not be empty.");
            }
            boolean matching = password.equals(passwordHash) || password.equals(body.path("passwordConfirmation").asText(""));
            if (!matching) {
                throw refuse(method, path, "PasswordConfirmation", "Must match Password");
            }
            authenticationMethod = m;
            if (!user.isBlank() && !password.isBlank()) {
                username = user;
                passwordHash = hash(password); // a hash sent back would be hashed again, as the app does
            }
            return new Reply(202, hostResource());
        }
        return new Reply(200, hostResource());
    }

    private ObjectNode hostResource() {
        return JSON.createObjectNode().put("id", 1).put("bindAddress", "*").put("port", 8989).put("sslPort", 9898)
                .put("enableSsl", false).put("launchBrowser", false).put("authenticationMethod", authenticationMethod)
                .put("authenticationRequired", "enabled").put("analyticsEnabled", false).put("username", username)
                .put("password", passwordHash).put("passwordConfirmation", "").put("logLevel", "info").put("logSizeLimit", 1)
                .put("branch", "main").put("apiKey", apiKey).put("urlBase", "").put("instanceName", app.displayName())
                .put("updateAutomatically", false).put("updateMechanism", "docker").put("backupInterval", 7)
                .put("backupRetention", 28);
    }

    // --- providers -----------------------------------------------------------------------------

    private Reply provider(Wanted.Kind kind, String method, String path, String[] parts, ObjectNode body, String query) {
        Map<Integer, ObjectNode> entries = providers.get(kind);
        if (parts.length == 1 && method.equals("get")) {
            return new Reply(200, array(entries.values().stream()
                    .sorted((a, b) -> a.path("name").asText().compareToIgnoreCase(b.path("name").asText()))
                    .map(this::masked).toList()));
        }
        if (parts.length == 2 && parts[1].equals("test") && method.equals("post")) {
            ObjectNode existing = body.path("id").asInt(0) > 0 ? entries.get(body.path("id").asInt()) : null;
            connect(validated(kind, method, path, body, existing));
            return new Reply(200, null);
        }
        boolean forceSave = query != null && query.contains("forceSave=true");
        if (parts.length == 1 && method.equals("post")) {
            ObjectNode entry = validated(kind, method, path, body, null);
            if (enabled(kind, entry)) {
                connect(entry); // CreateProvider tests an enabled entry first, forceSave or not (forceSave only skips warnings)
            }
            return new Reply(201, masked(store(kind, entry, null)));
        }
        int id = parseId(parts.length == 2 ? parts[1] : "", method, path);
        ObjectNode existing = entries.get(id);
        if (existing == null) {
            throw new Refusal(404, JSON.createObjectNode().put("message", "NotFound"));
        }
        return switch (method) {
            case "get" -> new Reply(200, masked(existing));
            case "put" -> {
                ObjectNode entry = validated(kind, method, path, body, existing);
                if (enabled(kind, entry) && !forceSave) {
                    connect(entry); // UpdateProvider tests only without forceSave
                }
                yield new Reply(202, masked(store(kind, entry, existing)));
            }
            case "delete" -> {
                entries.remove(id);
                yield new Reply(200, JSON.createObjectNode());
            }
            default -> throw notFound(method, path);
        };
    }

    /** The provider's own Test(): reaching the other side, which a test may make fail. */
    private void connect(ObjectNode entry) {
        String key = reachableKeys.get(fieldOf(entry, "baseUrl").map(v -> v.asText("")).orElse("").replaceAll("/+$", ""));
        if (key != null && !key.equals(fieldOf(entry, "apiKey").map(v -> v.asText("")).orElse(""))) {
            throw new Refusal(400, validation("ApiKey", "API Key is invalid"));
        }
        String failure = failingTests.get(entry.path("name").asText("").toLowerCase(Locale.ROOT));
        if (failure != null) {
            String[] f = failure.split("\n", 2);
            throw new Refusal(400, validation(f[0], f[1]));
        }
    }

    /**
     * Whether the app tests the entry before saving it: a download client by its {@code enable};
     * a Prowlarr application unless its sync level is disabled; an indexer proxy when it has tags
     * (IndexerProxyDefinition.Enable is Tags.Any()).
     */
    private static boolean enabled(Wanted.Kind kind, ObjectNode entry) {
        return switch (kind) {
            case DOWNLOAD_CLIENT -> entry.path("enable").asBoolean(false);
            case APPLICATION -> !entry.path("syncLevel").asText("disabled").equals("disabled");
            case INDEXER_PROXY -> !entry.path("tags").isEmpty();
        };
    }

    private int parseId(String text, String method, String path) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw notFound(method, path);
        }
    }

    /** ProviderControllerBase's validators and the field names; masked secrets of a known entry are its stored ones. */
    private ObjectNode validated(Wanted.Kind kind, String method, String path, ObjectNode body, ObjectNode existing) {
        List<String> problems = providerProblems(kind, body, existing);
        if (!problems.isEmpty()) {
            String[] first = problems.getFirst().split(": ", 2);
            throw refuse(method, path, first[0], first[1]);
        }
        String refused = refusedSaves.get(body.path("name").asText("").toLowerCase(Locale.ROOT));
        if (refused != null && !path.endsWith("/test")) {
            String[] f = refused.split("\n", 2);
            throw refuse(method, path, f[0], f[1]);
        }
        ObjectNode merged = body.deepCopy();
        if (existing != null) {
            for (JsonNode f : merged.path("fields")) {
                if (f.path("value").asText("").equals(MASK)) {
                    ((ObjectNode) f).set("value", fieldOf(existing, f.path("name").asText()).orElse(null));
                }
            }
        }
        return merged;
    }

    private List<String> providerProblems(Wanted.Kind kind, ObjectNode body, ObjectNode existing) {
        List<String> problems = new ArrayList<>();
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            problems.add("Name: 'Name' must not be empty.");
        }
        int id = existing == null ? 0 : existing.path("id").asInt();
        if (providers.get(kind).values().stream().anyMatch(e -> e.path("name").asText().equalsIgnoreCase(name) && e.path("id").asInt() != id)) {
            problems.add("Name: Should be unique");
        }
        String implementation = body.path("implementation").asText("");
        ArrProviderFields known = ArrProviderFields.of(app, kind).get(implementation);
        if (known == null) {
            problems.add("Implementation: " + app.displayName() + " has no " + kind.resource() + " named '" + implementation + "'");
            return problems;
        }
        if (!body.path("configContract").asText("").equals(implementation + "Settings")) {
            problems.add("ConfigContract: expected " + implementation + "Settings");
        }
        for (JsonNode f : body.path("fields")) {
            String field = f.path("name").asText("");
            if (!known.fields().contains(field)) {
                problems.add("Fields: " + implementation + "Settings has no field '" + field + "' (it has " + known.fields() + ")");
            } else if (f.has("value") && !f.get("value").asText("").equals(MASK) && !ArrProviderFields.fits(field, f.get("value"))) {
                // Stricter than the app, which may convert: a value of another type would read back different on every run.
                problems.add("Fields: '" + field + "' must be " + ArrProviderFields.type(field) + " in " + implementation + "Settings");
            }
        }
        for (String required : List.of("host", "prowlarrUrl", "baseUrl")) {
            if (known.fields().contains(required) && fieldOf(body, required).map(v -> v.asText("").isBlank()).orElse(existing == null)) {
                problems.add(Character.toUpperCase(required.charAt(0)) + required.substring(1) + ": '" + required + "' must not be empty.");
            }
        }
        return problems;
    }

    /** Stores the entry as the app answers it: every field of its settings class, in order, the unset ones at their type's default. */
    private ObjectNode store(Wanted.Kind kind, ObjectNode body, ObjectNode existing) {
        String implementation = body.path("implementation").asText();
        ArrProviderFields known = ArrProviderFields.of(app, kind).get(implementation);
        ObjectNode entry = body.deepCopy();
        entry.put("id", existing == null ? nextId++ : existing.path("id").asInt());
        entry.put("implementationName", implementation);
        ArrayNode fields = entry.putArray("fields");
        int order = 0;
        for (String name : known.fields()) {
            JsonNode value = fieldOf(body, name).orElseGet(() -> unset(name));
            ObjectNode f = fields.addObject().put("order", order++).put("name", name);
            f.set("value", value);
            f.put("privacy", known.secrets().contains(name) ? (name.equals("apiKey") ? "apiKey" : "password") : "normal");
        }
        if (!entry.has("tags")) {
            entry.putArray("tags");
        }
        providers.get(kind).put(entry.get("id").asInt(), entry);
        return entry;
    }

    /** What a settings class holds for a property nobody set: C#'s default for its type (the classes' own defaults aside). */
    private static JsonNode unset(String field) {
        return switch (ArrProviderFields.type(field)) {
            case "bool" -> JSON.getNodeFactory().booleanNode(false);
            case "int" -> JSON.getNodeFactory().numberNode(0);
            case "IEnumerable<int>" -> JSON.createArrayNode();
            default -> JSON.getNodeFactory().nullNode();
        };
    }

    /** As SchemaBuilder.ToSchema: a non-empty secret is answered as {@code ********}. */
    private ObjectNode masked(ObjectNode entry) {
        ObjectNode copy = entry.deepCopy();
        for (JsonNode f : copy.path("fields")) {
            boolean secret = !f.path("privacy").asText("normal").equals("normal") && !f.path("privacy").asText().equals("userName");
            if (secret && f.hasNonNull("value") && !f.get("value").asText("").isEmpty()) {
                ((ObjectNode) f).put("value", MASK);
            }
        }
        return copy;
    }

    private Optional<ObjectNode> byName(Wanted.Kind kind, String name) {
        return providers.get(kind).values().stream().filter(e -> e.path("name").asText().equalsIgnoreCase(name)).findFirst();
    }

    private static Optional<JsonNode> fieldOf(JsonNode entry, String name) {
        for (JsonNode f : entry.path("fields")) {
            if (f.path("name").asText("").equals(name)) {
                return Optional.ofNullable(f.get("value"));
            }
        }
        return Optional.empty();
    }

    private static ArrayNode array(java.util.Collection<ObjectNode> items) {
        ArrayNode a = JSON.createArrayNode();
        items.forEach(i -> a.add(i.deepCopy()));
        return a;
    }

    private static String hash(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

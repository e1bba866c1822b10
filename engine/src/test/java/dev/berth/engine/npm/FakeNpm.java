package dev.berth.engine.npm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Nginx Proxy Manager 2.15.1's API (no NPM image can run here), answering as its
 * backend does: {@code GET /api/}, {@code POST /api/tokens}, and the proxy-host routes behind a
 * bearer token (none: 403 "Permission Denied"; one it did not sign: 500, as jwt.verify's error
 * is not public). Every request body is checked against NPM's own schema for that operation
 * (../shared/schemas/npm-v2.15.1) and refused with 400 as NPM's validator refuses it; every
 * answer is checked against NPM's response schema, so the double cannot drift from the real API.
 */
final class FakeNpm implements AutoCloseable {
    /** One request as it arrived, and the status it got. */
    record Exchange(String method, String path, JsonNode body, int status) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HOST = Pattern.compile("/api/nginx/proxy-hosts/(\\d+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<String> refusedBodies = new ArrayList<>();
    private final List<String> badAnswers = new ArrayList<>();
    private final Set<String> tokens = new HashSet<>();
    private final FakeNpmHosts hosts = new FakeNpmHosts();
    private String adminEmail = "admin@example.com";
    private String adminPassword = "";
    private int signInsBeforeAdmin;

    private FakeNpm(HttpServer server) {
        this.server = server;
    }

    /**
     * Skipped (failed under CI) when NPM's schemas are absent: the double cannot answer as NPM
     * without them. Start it in @BeforeEach, not @BeforeAll: Surefire counts a skip only per test.
     */
    static FakeNpm start() throws IOException {
        NpmSchemas.require();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeNpm npm = new FakeNpm(server);
        server.createContext("/", npm::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return npm;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The admin NPM created from INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_PASSWORD. */
    synchronized FakeNpm admin(String email, String password) {
        adminEmail = email;
        adminPassword = password;
        hosts.owner(email);
        return this;
    }

    /** As on a first start: no user until this many sign-ins have been refused. */
    synchronized void adminCreatedAfter(int signIns) {
        signInsBeforeAdmin = signIns;
    }

    synchronized void certificatesFail(boolean fail) {
        hosts.certificatesFail(fail);
    }

    /** A host the person made in NPM's own pages (checked against the same schema). */
    synchronized int personMakes(String json) throws JsonProcessingException {
        ObjectNode body = (ObjectNode) JSON.readTree(json);
        List<String> problems = NpmSchemas.problems(NpmSchemas.request("/nginx/proxy-hosts", "post"), body);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("NPM's own page would not send this: " + problems);
        }
        return hosts.create(body).get("id").asInt();
    }

    synchronized List<ProxyHost> hosts() {
        return JSON.convertValue(hosts.all(), JSON.getTypeFactory().constructCollectionType(List.class, ProxyHost.class));
    }

    synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    synchronized List<Exchange> exchanges(String method) {
        return exchanges.stream().filter(e -> e.method().equals(method)).toList();
    }

    synchronized void forgetExchanges() {
        exchanges.clear();
    }

    /** Bodies NPM's schemas refused (each got a 400). */
    synchronized List<String> refusedBodies() {
        return List.copyOf(refusedBodies);
    }

    /** Answers of the double that break NPM's response schemas: a bug in the double. */
    synchronized List<String> badAnswers() {
        return List.copyOf(badAnswers);
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toLowerCase(Locale.ROOT);
        String path = ex.getRequestURI().getPath();
        JsonNode body = null;
        int status;
        String answer;
        try {
            byte[] raw = ex.getRequestBody().readAllBytes();
            body = raw.length == 0 ? null : JSON.readTree(raw);
            Reply reply = route(method, path, body, ex.getRequestHeaders().getFirst("Authorization"));
            status = reply.status();
            answer = reply.body().toString();
        } catch (FakeNpmHosts.Failure f) {
            status = f.status;
            answer = (f instanceof RefusedSignIn r ? r.body : error(f.status, f.getMessage())).toString();
        } catch (JsonProcessingException e) {
            status = 400;
            answer = error(400, "Unexpected token in JSON").toString();
        }
        exchanges.add(new Exchange(method.toUpperCase(Locale.ROOT), path, body, status));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply route(String method, String path, JsonNode body, String authorization) {
        if (path.equals("/api/") || path.equals("/api")) {
            return answer("/", method, 200, status());
        }
        if (path.equals("/api/tokens") && method.equals("post")) {
            return answer("/tokens", method, 200, token(checked("/tokens", method, body)));
        }
        Matcher one = HOST.matcher(path);
        boolean list = path.equals("/api/nginx/proxy-hosts");
        if (!list && !one.matches()) {
            throw new FakeNpmHosts.Failure(404, "Not Found - " + path.substring("/api".length()));
        }
        requireToken(authorization);
        if (list) {
            return switch (method) {
                case "get" -> answer("/nginx/proxy-hosts", method, 200, hosts.all());
                case "post" -> answer("/nginx/proxy-hosts", method, 201, hosts.create(checked("/nginx/proxy-hosts", method, body)));
                default -> throw new FakeNpmHosts.Failure(404, "Not Found - " + path);
            };
        }
        int id = Integer.parseInt(one.group(1));
        return switch (method) {
            case "put" -> answer("/nginx/proxy-hosts/{hostID}", method, 200,
                    hosts.update(id, checked("/nginx/proxy-hosts/{hostID}", method, body)));
            case "delete" -> {
                hosts.delete(id);
                yield answer("/nginx/proxy-hosts/{hostID}", method, 200, BooleanNode.TRUE);
            }
            default -> throw new FakeNpmHosts.Failure(404, "Not Found - " + path);
        };
    }

    private ObjectNode status() {
        ObjectNode s = JSON.createObjectNode().put("status", "OK").put("setup", signInsBeforeAdmin == 0);
        s.putObject("version").put("major", 2).put("minor", 15).put("revision", 1);
        return s;
    }

    /** internal/token.js getTokenFromEmail: every refusal is the same 400, so a guesser learns nothing. */
    private ObjectNode token(ObjectNode credentials) {
        boolean adminExists = signInsBeforeAdmin == 0;
        if (!adminExists) {
            signInsBeforeAdmin--;
        }
        String identity = credentials.get("identity").asText().toLowerCase(Locale.ROOT).strip();
        if (!adminExists || !identity.equals(adminEmail) || !credentials.get("secret").asText().equals(adminPassword)) {
            ObjectNode e = error(400, "Invalid email or password");
            ((ObjectNode) e.get("error")).put("message_i18n", "error.invalid-auth");
            throw new RefusedSignIn(e);
        }
        String token = jwtLike();
        tokens.add(token);
        return JSON.createObjectNode().put("token", token)
                .put("expires", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString());
    }

    private void requireToken(String authorization) {
        String[] parts = authorization == null ? new String[0] : authorization.split(" ");
        if (parts.length < 2 || !parts[0].equals("Bearer") || parts[1].isEmpty()) {
            throw new FakeNpmHosts.Failure(403, "Permission Denied");
        }
        if (!tokens.contains(parts[1])) {
            throw new FakeNpmHosts.Failure(500, "Internal Error");
        }
    }

    /** apiValidator: the operation's request schema, else 400 with what is wrong. */
    private ObjectNode checked(String path, String method, JsonNode body) {
        JsonSchema schema = NpmSchemas.request(path, method);
        if (body == null) {
            throw refuse(method, path, "Payload is undefined");
        }
        List<String> problems = NpmSchemas.problems(schema, body);
        if (!problems.isEmpty()) {
            throw refuse(method, path, String.join(", ", problems));
        }
        return (ObjectNode) body;
    }

    private FakeNpmHosts.Failure refuse(String method, String path, String why) {
        refusedBodies.add(method.toUpperCase(Locale.ROOT) + " " + path + ": " + why);
        return new FakeNpmHosts.Failure(400, why);
    }

    private Reply answer(String path, String method, int status, JsonNode body) {
        List<String> problems = NpmSchemas.problems(NpmSchemas.response(path, method, status), body);
        if (!problems.isEmpty()) {
            badAnswers.add(method + " " + path + " " + status + ": " + problems);
        }
        return new Reply(status, body);
    }

    private static ObjectNode error(int code, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("error").put("code", code).put("message", message);
        return e;
    }

    private static String jwtLike() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] signature = new byte[64];
        RANDOM.nextBytes(signature);
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"api\",\"attrs\":{\"id\":1},\"scope\":[\"user\"],\"iat\":"
                + Instant.now().getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(signature);
    }

    /** A refused sign-in: NPM's AuthError carries message_i18n besides code and message. */
    private static final class RefusedSignIn extends FakeNpmHosts.Failure {
        final ObjectNode body;

        RefusedSignIn(ObjectNode body) {
            super(400, "Invalid email or password");
            this.body = body;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

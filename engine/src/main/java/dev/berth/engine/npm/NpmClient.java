package dev.berth.engine.npm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The few calls of Nginx Proxy Manager's REST API (2.13 and later) that setting up proxy hosts
 * needs: sign in, list, create, update and delete proxy hosts. Holds the token of its sign-in.
 * Messages name the call and NPM's reason, never a password, a token or a request body.
 */
public final class NpmClient implements AutoCloseable {
    /** Plain calls; NPM answers them at once. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A call that asks for a certificate waits for Let's Encrypt's HTTP challenge to finish. */
    static final Duration CERTIFICATE_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final String where;
    private final HttpClient http;
    private volatile String token;

    /**
     * @param api   the API's base, e.g. {@code http://127.0.0.1:81/api/}
     * @param where where NPM is, for messages: "Nginx Proxy Manager (port 81 on nas.local)"
     */
    public NpmClient(URI api, String where) {
        this.api = api.toString().endsWith("/") ? api : URI.create(api + "/");
        this.where = where;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** {@code GET /api/}: whether NPM answers, and whether it has a user yet (it creates the admin on first start). */
    public ApiStatus status() throws NpmException, InterruptedException {
        return read(send(get(""), "ask whether it is up", 200), ApiStatus.class);
    }

    /** {@code POST /api/tokens}; the token is kept for the calls that follow. */
    public void signIn(String email, String password) throws NpmException, InterruptedException {
        String body = write(Map.of("identity", email, "secret", password));
        HttpResponse<String> r = exchange(request("tokens", REQUEST_TIMEOUT).POST(bodyOf(body)).build(), "sign in");
        if (r.statusCode() == 400 && errorMessage(r).contains("Invalid email or password")) {
            throw new SignInRefusedException(email);
        }
        JsonNode answer = tree(expect(r, "sign in", 200));
        if (answer.path("requires_2fa").asBoolean(false)) {
            throw new NpmException(200, "The Nginx Proxy Manager account " + email + " has two-factor sign-in turned on,"
                    + " so Berth cannot sign in with its password. Turn two-factor off for that account in Nginx Proxy"
                    + " Manager, or set up the proxy hosts there yourself.");
        }
        String t = answer.path("token").asText("");
        if (t.isEmpty()) {
            throw new NpmException(200, where + " answered the sign-in without a token; is it really Nginx Proxy Manager?");
        }
        token = t;
    }

    /** {@code GET /api/nginx/proxy-hosts}: every proxy host, whoever made it. */
    public List<ProxyHost> proxyHosts() throws NpmException, InterruptedException {
        return read(send(get("nginx/proxy-hosts"), "list the proxy hosts", 200), new TypeReference<>() { });
    }

    /** {@code POST /api/nginx/proxy-hosts}; with certificate "new" it returns once Let's Encrypt has answered. */
    public ProxyHost create(ProxyHostRequest host) throws NpmException, InterruptedException {
        HttpRequest r = request("nginx/proxy-hosts", timeout(host)).POST(bodyOf(write(host))).build();
        return read(send(r, "create the proxy host " + first(host), 201), ProxyHost.class);
    }

    /** {@code PUT /api/nginx/proxy-hosts/{id}}: changes the fields the request has, keeps the others. */
    public ProxyHost update(int id, ProxyHostRequest host) throws NpmException, InterruptedException {
        HttpRequest r = request("nginx/proxy-hosts/" + id, timeout(host)).PUT(bodyOf(write(host))).build();
        return read(send(r, "update the proxy host " + first(host), 200), ProxyHost.class);
    }

    /** {@code DELETE /api/nginx/proxy-hosts/{id}}. */
    public void delete(int id) throws NpmException, InterruptedException {
        send(request("nginx/proxy-hosts/" + id, REQUEST_TIMEOUT).DELETE().build(), "delete the proxy host " + id, 200);
    }

    private HttpRequest get(String path) {
        return request(path, REQUEST_TIMEOUT).GET().build();
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve(path))
                .timeout(timeout).header("Accept", "application/json").header("Content-Type", "application/json");
        String t = token;
        if (t != null) {
            b.header("Authorization", "Bearer " + t);
        }
        return b;
    }

    private static Duration timeout(ProxyHostRequest host) {
        return host.requestsCertificate() ? CERTIFICATE_TIMEOUT : REQUEST_TIMEOUT;
    }

    private static String first(ProxyHostRequest host) {
        return host.domainNames() == null || host.domainNames().isEmpty() ? "" : host.domainNames().getFirst();
    }

    private String send(HttpRequest request, String what, int expected) throws NpmException, InterruptedException {
        return expect(exchange(request, what), what, expected);
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) throws NpmException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new NpmException(NpmException.NO_ANSWER, "No answer from " + where + " when trying to " + what + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    private String expect(HttpResponse<String> r, String what, int expected) throws NpmException {
        if (r.statusCode() == expected) {
            return r.body();
        }
        String reason = errorMessage(r);
        throw new NpmException(r.statusCode(), where + " did not " + what + ": HTTP " + r.statusCode()
                + (reason.isEmpty() ? "" : " (" + reason + ")"));
    }

    /** NPM's {@code {"error":{"code":…,"message":…}}}, or nothing when the body is not that (e.g. nginx's 502 page). */
    private static String errorMessage(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body()).path("error").path("message").asText("");
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private <T> T read(String body, Class<T> type) throws NpmException {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw unreadable();
        }
    }

    private <T> T read(String body, TypeReference<T> type) throws NpmException {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw unreadable();
        }
    }

    private JsonNode tree(String body) throws NpmException {
        return read(body, JsonNode.class);
    }

    /** Jackson's message quotes the body, which may hold a token, so it is left out. */
    private NpmException unreadable() {
        return new NpmException(200, where + " answered with something that is not what Nginx Proxy Manager 2.13 or"
                + " later sends; is it really Nginx Proxy Manager?");
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    /** Forgets the token and stops what is still in flight (a cancelled deploy must not wait for Let's Encrypt). */
    @Override
    public void close() {
        token = null;
        http.shutdownNow();
    }
}

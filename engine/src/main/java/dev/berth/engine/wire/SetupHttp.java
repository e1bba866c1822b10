package dev.berth.engine.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The HTTP side of a small app client ({@link SeerrClient}, {@link BazarrClient}), in the style of
 * {@link ArrClient}: one connection pool with a cookie jar (Seerr signs in with a session cookie),
 * write requests counted when sent, and failures as an {@link ArrException} whose message names the
 * app, the call and the app's own words, read from its answer by the client's {@code reason}, never
 * a key, a password or a body.
 */
final class SetupHttp implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String where;
    private final Function<String, String> reason;
    private final HttpClient http;
    private final AtomicInteger writes = new AtomicInteger();

    /**
     * @param base   where Berth reaches the app ({@code http://127.0.0.1:5055}), already tunnelled
     * @param where  the app for messages: "Seerr on nas.local"
     * @param reason the app's own words from an error answer's body; empty when it gave none
     */
    SetupHttp(URI base, String where, Function<String, String> reason) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.where = where;
        this.reason = reason;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new CookieManager()).build();
    }

    int writes() {
        return writes.get();
    }

    String where() {
        return where;
    }

    HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve(path.replaceAll("^/+", ""))).timeout(timeout).header("Accept", "application/json");
    }

    /** A request that changes the app: counted when sent, since a refused write still reached it. */
    String write(HttpRequest request, String what) throws ArrException, InterruptedException {
        writes.incrementAndGet();
        return send(request, what);
    }

    String send(HttpRequest request, String what) throws ArrException, InterruptedException {
        HttpResponse<String> r = exchange(request, what);
        if (r.statusCode() / 100 == 2) {
            return r.body();
        }
        throw failure(r, what);
    }

    HttpResponse<String> exchange(HttpRequest request, String what) throws ArrException, InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("cancelled before " + where + " was asked to " + what);
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ArrException(ArrException.NO_ANSWER, "No answer from " + where + " when asked to " + what + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    ArrException failure(HttpResponse<String> r, String what) {
        String words = reason.apply(r.body() == null ? "" : r.body());
        return new ArrException(r.statusCode(), where + " did not " + what + ": HTTP " + r.statusCode()
                + (words.isEmpty() ? "" : " (" + words + ")"), words);
    }

    /** The answer as JSON; an answer that is not JSON is refused without quoting it (it may hold a key). */
    JsonNode tree(String body, String what) throws ArrException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // falls through
        }
        throw new ArrException(200, where + " answered in a way its API does not when asked to " + what
                + "; is that address really the app?", "");
    }

    static HttpRequest.BodyPublisher body(JsonNode json) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(json), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body", e);
        }
    }

    @Override
    public String toString() {
        return "SetupHttp[" + where + "]";
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}

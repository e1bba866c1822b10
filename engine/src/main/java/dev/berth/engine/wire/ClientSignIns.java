package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.catalog.DownloadClientSpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Berth's own proof that it can sign in to a download client with what it generated: the
 * "qBittorrent sign-in ✓" row of the Links table. One request (two for Transmission's session
 * handshake) to the client's own API, the way the *arr apps sign in:
 * <ul>
 *   <li>qBittorrent: {@code POST api/v2/auth/login} with the user and password as a form; it answers {@code Ok.} or {@code Fails.};
 *   <li>Transmission: RPC {@code session-get} with basic auth, after the {@code 409} that hands out the
 *       {@code X-Transmission-Session-Id} every RPC request must carry;
 *   <li>NZBGet: JSON-RPC {@code version} with basic auth;
 *   <li>SABnzbd: {@code GET api?mode=get_config} with the API key, the full-access call Sonarr's test makes
 *       (narrowed to one setting, so no other secret travels back).
 * </ul>
 * The protocol per client is code (there are four); the user and URL base are the catalog's.
 * The caller reaches the client first (a tunnel to a port inside the VPN, say) and passes its base URI.
 * A refusal is {@link Link.Status#NEEDS_ATTENTION} with the client's own words; no password or key
 * is ever in a {@link Link}.
 */
public final class ClientSignIns {
    /** How long one request may take: a client that answers nothing in this time is "no answer". */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 100;
    private static final int MOST_WORDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;

    public ClientSignIns() {
        // No redirects followed: a login page answering a redirect is a refusal, not a success.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Signs in once and says how it went.
     *
     * @param client      the catalog's {@code downloadClient} section: which API, which URL base
     * @param displayName the client's name as people know it ("qBittorrent"): the {@link Link}'s {@code from}
     * @param base        where this computer reaches the client's web port now ({@code http://127.0.0.1:41234/})
     * @param username    the user Berth set (empty for SABnzbd, which Berth reaches by API key)
     * @param password    that user's password; never shown
     * @param apiKey      SABnzbd's API key; empty for the others; never shown
     * @param cancelled   asked while waiting for an answer; yes stops the request
     * @throws CancellationException when cancelled
     */
    public Link check(DownloadClientSpec client, String displayName, URI base, String username, String password,
                      String apiKey, BooleanSupplier cancelled) {
        URI root = withSlash(base).resolve(relative(client.urlBase()));
        Conversation c = new Conversation(http, displayName, base, cancelled);
        try {
            Optional<String> refusal = switch (client.implementation()) {
                case "QBittorrent" -> qbittorrent(c, root, username, password);
                case "Transmission" -> transmission(c, root, username, password);
                case "Nzbget" -> nzbget(c, root, username, password);
                case "Sabnzbd" -> sabnzbd(c, root, apiKey);
                default -> Optional.of("Berth does not know how to sign in to " + client.implementation()
                        + " (its catalog entry names an API Berth has no sign-in for)");
            };
            return refusal.map(why -> new Link(displayName, "sign-in", Link.Status.NEEDS_ATTENTION, clean(why, password, apiKey)))
                    .orElseGet(() -> new Link(displayName, "sign-in", Link.Status.OK, ""));
        } catch (NoAnswer e) {
            return new Link(displayName, "sign-in", Link.Status.NEEDS_ATTENTION, clean(e.getMessage(), password, apiKey));
        }
    }

    private Optional<String> qbittorrent(Conversation c, URI root, String username, String password) throws NoAnswer {
        // Host without the port: qBittorrent refuses one naming a port it does not listen on (see PortlessPost).
        PortlessPost answer = c.sendWithoutPort(root.resolve("api/v2/auth/login"), "application/x-www-form-urlencoded",
                "username=" + form(username) + "&password=" + form(password));
        if (answer.status() == 200 && answer.body().strip().equals("Ok.")) {
            return Optional.empty();
        }
        if (answer.status() == 403) {
            // qBittorrent bans an address after too many failed sign-ins (WebUI\MaxAuthenticationFailCount).
            return Optional.of(c.said(answer.status(), answer.body()) + ": qBittorrent refuses this address for now, after "
                    + "failed sign-ins. Restart qBittorrent (or wait for the ban to end), then run berth wire");
        }
        return Optional.of(c.said(answer.status(), answer.body()) + refusedUser(username));
    }

    private Optional<String> transmission(Conversation c, URI root, String username, String password) throws NoAnswer {
        URI rpc = root.resolve("rpc");
        String sessionId = "";
        // The first answer is a 409 that hands out the session id; a second 409 means the id changed meanwhile.
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpRequest r = HttpRequest.newBuilder(rpc).timeout(REQUEST_TIMEOUT).header("Authorization", basic(username, password))
                    .header("X-Transmission-Session-Id", sessionId).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"session-get\",\"arguments\":{\"fields\":[\"version\"]}}"))
                    .build();
            HttpResponse<String> answer = c.send(r);
            Optional<String> id = answer.headers().firstValue("X-Transmission-Session-Id");
            if (answer.statusCode() == 409 && id.isPresent()) {
                sessionId = id.get();
                continue;
            }
            if (answer.statusCode() == 200) {
                String result = json(answer.body()).path("result").asText("");
                return result.equals("success") ? Optional.empty()
                        : Optional.of(c.client() + " answered “" + words(result.isEmpty() ? answer.body() : result) + "” to session-get");
            }
            return Optional.of(c.said(answer.statusCode(), answer.body()) + (answer.statusCode() == 401 ? refusedUser(username) : ""));
        }
        return Optional.of(c.client() + " kept asking for a new session id (409) at " + rpc);
    }

    private Optional<String> nzbget(Conversation c, URI root, String username, String password) throws NoAnswer {
        HttpRequest r = HttpRequest.newBuilder(root.resolve("jsonrpc")).timeout(REQUEST_TIMEOUT)
                .header("Authorization", basic(username, password)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"version\",\"params\":[],\"id\":1}")).build();
        HttpResponse<String> answer = c.send(r);
        if (answer.statusCode() == 200) {
            JsonNode body = json(answer.body());
            if (body.hasNonNull("result")) {
                return Optional.empty();
            }
            return Optional.of(c.client() + " answered “" + words(body.path("error").toString()) + "” to version");
        }
        return Optional.of(c.said(answer.statusCode(), answer.body()) + (answer.statusCode() == 401 ? refusedUser(username) : ""));
    }

    private Optional<String> sabnzbd(Conversation c, URI root, String apiKey) throws NoAnswer {
        HttpRequest r = HttpRequest.newBuilder(root.resolve("api?mode=get_config&section=misc&keyword=complete_dir&output=json&apikey="
                + form(apiKey))).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<String> answer = c.send(r);
        if (answer.statusCode() == 200) {
            JsonNode body = json(answer.body());
            if (body.has("config")) {
                return Optional.empty();
            }
            String error = body.path("error").asText("");
            return Optional.of(c.client() + " answered “" + words(error.isEmpty() ? answer.body() : error) + "” to get_config");
        }
        return Optional.of(c.said(answer.statusCode(), answer.body()) + (answer.body().contains("API Key")
                ? ": its API key is not the one Berth generated. Set it back in SABnzbd's Config → General, or deploy again to "
                + "write it"
                : ""));
    }

    /** What a refused user and password means, and what to do. */
    private static String refusedUser(String username) {
        return " to user " + username + " with the password Berth generated. If it was changed in the client's web page, set it "
                + "back to the one in secrets/, or deploy again to write it";
    }

    /** One sign-in's requests: who is asked, where, and whether to stop waiting. */
    private record Conversation(HttpClient http, String client, URI base, BooleanSupplier cancelled) {
        HttpResponse<String> send(HttpRequest request) throws NoAnswer {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Signing in to " + client + " was stopped, as you asked");
            }
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            try {
                while (true) {
                    try {
                        return answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException stillWaiting) {
                        if (cancelled.getAsBoolean()) {
                            answer.cancel(true);
                            throw new CancellationException("Signing in to " + client + " was stopped, as you asked");
                        }
                    }
                }
            } catch (InterruptedException e) {
                answer.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("Signing in to " + client + " was interrupted");
            } catch (ExecutionException e) {
                throw noAnswer(e.getCause() == null ? e : e.getCause());
            }
        }

        PortlessPost sendWithoutPort(URI uri, String contentType, String body) throws NoAnswer {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Signing in to " + client + " was stopped, as you asked");
            }
            try {
                return PortlessPost.send(uri, contentType, body, REQUEST_TIMEOUT, cancelled);
            } catch (CancellationException e) {
                throw new CancellationException("Signing in to " + client + " was stopped, as you asked");
            } catch (IOException e) {
                throw noAnswer(e);
            }
        }

        private NoAnswer noAnswer(Throwable cause) {
            String why = cause instanceof java.net.http.HttpTimeoutException ? "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s"
                    : cause instanceof java.net.ConnectException ? "connection refused"
                    : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return new NoAnswer("No answer from " + client + " at " + base + " (" + why + "). Is it running? berth status "
                    + "shows its health; once it is up, run berth wire");
        }

        /** "qBittorrent answered 200 “Fails.”": the status and the client's own words. */
        String said(int statusCode, String answerBody) {
            String body = words(answerBody);
            String status = statusCode + switch (statusCode) {
                case 401 -> " Unauthorized";
                case 403 -> " Forbidden";
                default -> "";
            };
            return client + " answered " + status + (body.isEmpty() ? "" : " “" + body + "”");
        }
    }

    /** The client did not answer at all. */
    private static final class NoAnswer extends IOException {
        NoAnswer(String message) {
            super(message);
        }
    }

    /** A body as words: tags gone (Transmission answers in HTML), white space folded, and not too long. */
    private static String words(String body) {
        String text = body == null ? "" : body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return text.length() > MOST_WORDS ? text.substring(0, MOST_WORDS) + "…" : text;
    }

    /** Never the secret, even if a client echoed it. */
    private static String clean(String detail, String password, String apiKey) {
        String out = detail;
        for (String secret : List.of(password == null ? "" : password, apiKey == null ? "" : apiKey)) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, "[redacted]");
            }
        }
        return out;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static URI withSlash(URI base) {
        String s = base.toString();
        return s.endsWith("/") ? base : URI.create(s + "/");
    }

    /** The catalog's URL base ({@code /transmission/}) as a folder relative to the client's root. */
    private static String relative(String urlBase) {
        if (urlBase == null || urlBase.isBlank() || urlBase.equals("/")) {
            return "";
        }
        String s = urlBase.startsWith("/") ? urlBase.substring(1) : urlBase;
        return s.endsWith("/") ? s : s + "/";
    }
}

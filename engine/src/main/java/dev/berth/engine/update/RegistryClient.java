package dev.berth.engine.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads tags, manifests and image configs through the registry v2 API (the distribution spec), with
 * its token flow: a request answered 401 with {@code WWW-Authenticate: Bearer realm=…,service=…,scope=…}
 * gets a token from the realm (anonymously, or with the registry's {@link RegistryLogin} when one is
 * known) and is sent again with it. That covers Docker Hub (realm {@code auth.docker.io}), ghcr.io and
 * lscr.io (which answers with ghcr.io's realm) and any registry that follows the spec. A {@code Basic}
 * challenge is answered only with a known login. Tokens are kept per registry and scope while they last.
 *
 * <p>Redirects (blobs are often served from a storage host) are followed here, not by the HTTP client,
 * so the Authorization header goes only to the registry's own host.
 */
public final class RegistryClient {
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String MANIFESTS = String.join(", ", OCI_INDEX, DOCKER_LIST, DOCKER_MANIFEST, OCI_MANIFEST);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_PAGES = 100;
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final HttpClient http;
    private final Map<String, RegistryLogin> logins;
    private final ObjectMapper json = new ObjectMapper();
    /** Authorization header values by registry host and scope. */
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();

    /** @param logins by registry host ({@code ghcr.io}, {@code registry-1.docker.io}); empty: anonymous only */
    public RegistryClient(Map<String, RegistryLogin> logins) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.logins = Map.copyOf(logins);
    }

    /** Every tag of the repository, following the {@code Link} header's next pages. */
    public List<String> tags(RegistryRepository repo) throws RegistryException, InterruptedException {
        List<String> tags = new ArrayList<>();
        URI next = base(repo).resolve("/v2/" + repo.name() + "/tags/list?n=1000");
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpResponse<byte[]> r = get(repo, next, "application/json", "the tags of " + repo.name());
            JsonNode body = parse(repo, r.body());
            body.path("tags").forEach(t -> tags.add(t.asText()));
            next = r.headers().firstValue("Link").map(NEXT_LINK::matcher).filter(Matcher::find)
                    .map(m -> next(repo, m.group(1))).orElse(null);
        }
        return tags;
    }

    /**
     * The tag's manifest digest from a HEAD request, or empty when the registry does not send
     * {@code Docker-Content-Digest} on it. Docker Hub counts a manifest GET as a pull against its
     * small anonymous limit and a HEAD not, so whether a tag moved is asked this way first.
     */
    public Optional<String> digest(RegistryRepository repo, String tag) throws RegistryException, InterruptedException {
        return request("HEAD", repo, manifestUri(repo, tag), MANIFESTS, repo.name() + ":" + tag)
                .headers().firstValue("Docker-Content-Digest");
    }

    /**
     * The tag's manifest digest and when its image for {@code platform} was built. For an index (a
     * multi-platform image) the digest is the index's, and {@code created} comes from the platform's entry.
     */
    public RegistryImage image(RegistryRepository repo, String tag, Platform platform)
            throws RegistryException, InterruptedException {
        HttpResponse<byte[]> top = get(repo, manifestUri(repo, tag), MANIFESTS, repo.name() + ":" + tag);
        String digest = top.headers().firstValue("Docker-Content-Digest").orElseGet(() -> sha256(top.body()));
        JsonNode manifest = parse(repo, top.body());
        String mediaType = top.headers().firstValue("Content-Type").map(v -> v.split(";")[0].trim())
                .orElse(manifest.path("mediaType").asText(""));
        if (mediaType.equals(OCI_INDEX) || mediaType.equals(DOCKER_LIST) || manifest.has("manifests")) {
            Optional<String> entry = pick(manifest.path("manifests"), platform);
            if (entry.isEmpty()) {
                return new RegistryImage(digest, null);
            }
            manifest = parse(repo, get(repo, manifestUri(repo, entry.get()), MANIFESTS, repo.name() + "@" + entry.get()).body());
        }
        String config = manifest.path("config").path("digest").asText("");
        if (config.isEmpty()) {
            return new RegistryImage(digest, null);
        }
        JsonNode blob = parse(repo, get(repo, base(repo).resolve("/v2/" + repo.name() + "/blobs/" + config), "*/*",
                "the image config of " + repo.name() + ":" + tag).body());
        return new RegistryImage(digest, instant(blob.path("created").asText(null)));
    }

    private static Optional<String> pick(JsonNode manifests, Platform platform) {
        String fallback = null;
        for (JsonNode m : manifests) {
            JsonNode p = m.path("platform");
            if (!p.path("os").asText().equals(platform.os()) || !p.path("architecture").asText().equals(platform.architecture())) {
                continue;
            }
            if (platform.variant() == null || platform.variant().equals(p.path("variant").asText(null))) {
                return Optional.of(m.path("digest").asText());
            }
            fallback = m.path("digest").asText();
        }
        return Optional.ofNullable(fallback);
    }

    private HttpResponse<byte[]> get(RegistryRepository repo, URI uri, String accept, String what)
            throws RegistryException, InterruptedException {
        return request("GET", repo, uri, accept, what);
    }

    private HttpResponse<byte[]> request(String method, RegistryRepository repo, URI uri, String accept, String what)
            throws RegistryException, InterruptedException {
        String scope = "repository:" + repo.name() + ":pull";
        HttpResponse<byte[]> r = follow(method, repo, uri, accept, authorizations.get(repo.host() + " " + scope));
        if (r.statusCode() == 401) {
            String auth = authorize(repo, r.headers().firstValue("WWW-Authenticate").orElse(""), scope);
            authorizations.put(repo.host() + " " + scope, auth);
            r = follow(method, repo, uri, accept, auth);
        }
        if (r.statusCode() == 200) {
            return r;
        }
        String said = registryWords(r.body());
        if (r.statusCode() == 404) {
            throw new RegistryException(repo.registryName() + " does not know " + what + (said.isEmpty() ? "" : " (" + said + ")"), false);
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new RegistryException(repo.registryName() + " refused to show " + what + " without a sign-in"
                    + (said.isEmpty() ? "" : " (" + said + ")") + "; Berth asks registries anonymously", false);
        }
        if (r.statusCode() == 429) {
            throw new RegistryException(repo.registryName() + " asks to slow down (too many requests); try again later", true);
        }
        throw new RegistryException(repo.registryName() + " answered " + r.statusCode() + " for " + what
                + (said.isEmpty() ? "" : ": " + said), r.statusCode() >= 500);
    }

    /** One request, following redirects itself so the registry's authorization never leaves its host. */
    private HttpResponse<byte[]> follow(String method, RegistryRepository repo, URI uri, String accept, String authorization)
            throws RegistryException, InterruptedException {
        URI at = uri;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(at).timeout(TIMEOUT).header("Accept", accept)
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (authorization != null && at.getAuthority().equals(uri.getAuthority())) {
                b.header("Authorization", authorization);
            }
            HttpResponse<byte[]> r = send(repo, b.build());
            Optional<String> location = r.headers().firstValue("Location");
            if (r.statusCode() / 100 != 3 || location.isEmpty() || hop >= MAX_REDIRECTS) {
                return r;
            }
            at = at.resolve(location.get());
        }
    }

    private HttpResponse<byte[]> send(RegistryRepository repo, HttpRequest request) throws RegistryException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new RegistryException(request.uri().getHost() + " did not answer within " + TIMEOUT.toSeconds() + " s", true);
        } catch (ConnectException e) {
            if (unresolved(e)) {
                throw new RegistryException("could not find " + request.uri().getHost() + " (no address for its name); "
                        + "is this machine online?", true);
            }
            throw new RegistryException("could not connect to " + request.uri().getAuthority()
                    + " (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + "); is this machine online?", true);
        } catch (IOException e) {
            throw new RegistryException("could not reach " + request.uri().getAuthority() + " (" + e + ")", true);
        }
    }

    /** The JDK's client reports a name without an address as a ConnectException caused by UnresolvedAddressException. */
    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** The Authorization header a 401's challenge asks for. */
    private String authorize(RegistryRepository repo, String challenge, String scope)
            throws RegistryException, InterruptedException {
        RegistryLogin login = logins.get(repo.host());
        String scheme = challenge.split(" ", 2)[0];
        if (scheme.equalsIgnoreCase("Basic")) {
            if (login == null) {
                throw new RegistryException(repo.registryName() + " asks for a user name and password (Basic); "
                        + "Berth asks registries anonymously and keeps no registry logins", false);
            }
            return basic(login);
        }
        if (!scheme.equalsIgnoreCase("Bearer")) {
            throw new RegistryException(repo.registryName() + " asked for a sign-in Berth does not know: \"" + challenge + "\"", false);
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new RegistryException(repo.registryName() + " asked for a token without saying where from (no realm in \""
                    + challenge + "\")", false);
        }
        URI realmUri = URI.create(realm);
        // A registry spoken to over https never gets its token asked for over plain http.
        if (repo.scheme().equals("https") && !"https".equals(realmUri.getScheme())) {
            throw new RegistryException(repo.registryName() + " sent its token realm over plain http (" + realm + "); refused", false);
        }
        StringBuilder query = new StringBuilder();
        if (params.containsKey("service")) {
            query.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8));
        }
        query.append(query.isEmpty() ? "" : "&").append("scope=")
                .append(URLEncoder.encode(params.getOrDefault("scope", scope), StandardCharsets.UTF_8));
        URI tokenUri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
        HttpRequest.Builder b = HttpRequest.newBuilder(tokenUri).timeout(TIMEOUT).header("Accept", "application/json").GET();
        if (login != null) {
            b.header("Authorization", basic(login));
        }
        HttpResponse<byte[]> r = send(repo, b.build());
        if (r.statusCode() != 200) {
            throw new RegistryException(tokenUri.getHost() + " gave no token to read " + repo.name() + " (" + r.statusCode()
                    + registryWordsOrEmpty(r.body()) + ")", r.statusCode() >= 500);
        }
        JsonNode body = parse(repo, r.body());
        String token = body.path("token").asText(body.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new RegistryException(tokenUri.getHost() + " answered without a token", false);
        }
        return "Bearer " + token;
    }

    private static String basic(RegistryLogin login) {
        return "Basic " + Base64.getEncoder().encodeToString((login.user() + ":" + login.password()).getBytes(StandardCharsets.UTF_8));
    }

    private static URI base(RegistryRepository repo) {
        return URI.create(repo.scheme() + "://" + repo.host() + "/");
    }

    private static URI manifestUri(RegistryRepository repo, String reference) {
        return base(repo).resolve("/v2/" + repo.name() + "/manifests/" + reference);
    }

    private static URI next(RegistryRepository repo, String link) {
        return base(repo).resolve(link);
    }

    private JsonNode parse(RegistryRepository repo, byte[] body) throws RegistryException {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new RegistryException(repo.registryName() + " answered something that is not JSON", false);
        }
    }

    /** The registry's own words from a distribution error body ({@code {"errors":[{"message":…}]}}). */
    private String registryWords(byte[] body) {
        try {
            List<String> words = new ArrayList<>();
            json.readTree(body).path("errors").forEach(e -> words.add(e.path("message").asText()));
            return String.join("; ", words);
        } catch (IOException e) {
            return "";
        }
    }

    private String registryWordsOrEmpty(byte[] body) {
        String said = registryWords(body);
        return said.isEmpty() ? "" : ": " + said;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String sha256(byte[] body) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}

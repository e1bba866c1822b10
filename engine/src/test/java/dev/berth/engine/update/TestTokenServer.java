package dev.berth.engine.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A token server like auth.docker.io for a loopback registry run with {@code auth: token:}: it
 * checks every request as the distribution token spec ({@code docs/spec/auth/token.md}) has it — a
 * GET with {@code service} equal to the registry's and each {@code scope} of the form
 * {@code repository:<name>:<actions>} — and answers {@code {"token":…,"access_token":…}} with a JWT
 * signed RS256 by a key whose self-signed certificate (made by the JDK's keytool) is the registry's
 * {@code rootcertbundle} and travels in the token's {@code x5c} header. It grants what is asked
 * (Docker's push asks for pull,push), and remembers every request for the test to look at.
 */
final class TestTokenServer implements AutoCloseable {
    static final String SERVICE = "berth-test-registry";
    static final String ISSUER = "berth-test-issuer";
    private static final Pattern SCOPE = Pattern.compile("repository:[a-z0-9]+(?:[._/-][a-z0-9]+)*:(pull|push)(,(pull|push))*");

    /** One request: its User-Agent, service and scopes, and why it was refused (null when a token was given). */
    record Request(String userAgent, String service, List<String> scopes, String refused) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Path certBundle;
    private final HttpServer server;
    private final PrivateKey key;
    private final String x5c;
    private final ObjectMapper json = new ObjectMapper();

    TestTokenServer(Path work) {
        try {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Path store = work.resolve("token-signer.p12");
            certBundle = work.resolve("token-signer.pem");
            keytool(work, keytool.toString(), "-genkeypair", "-alias", "signer", "-keyalg", "RSA", "-keysize", "2048",
                    "-dname", "CN=berth-test-token-signer", "-validity", "2", "-keystore", store.toString(),
                    "-storetype", "PKCS12", "-storepass", "changeit");
            keytool(work, keytool.toString(), "-exportcert", "-rfc", "-alias", "signer", "-keystore", store.toString(),
                    "-storepass", "changeit", "-file", certBundle.toString());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, "changeit".toCharArray());
            }
            key = (PrivateKey) ks.getKey("signer", "changeit".toCharArray());
            Certificate cert = ks.getCertificate("signer");
            x5c = Base64.getEncoder().encodeToString(cert.getEncoded());
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::token);
        server.start();
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The registry's {@code auth:} section for this server. */
    String registryAuth() {
        return "auth:\n  token:\n    realm: " + realm() + "\n    service: " + SERVICE + "\n    issuer: " + ISSUER
                + "\n    rootcertbundle: " + certBundle + "\n";
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, List<String>> query = query(ex.getRequestURI().getRawQuery());
        String service = query.getOrDefault("service", List.of()).stream().findFirst().orElse(null);
        List<String> scopes = query.getOrDefault("scope", List.of());
        String ua = ex.getRequestHeaders().getFirst("User-Agent");
        String refused = !ex.getRequestMethod().equals("GET") ? "method " + ex.getRequestMethod()
                : !SERVICE.equals(service) ? "service " + service
                : scopes.isEmpty() ? "no scope"
                : scopes.stream().filter(s -> !SCOPE.matcher(s).matches()).findFirst().map(s -> "scope " + s).orElse(null);
        requests.add(new Request(ua, service, scopes, refused));
        if (refused != null) {
            byte[] body = ("{\"errors\":[{\"code\":\"DENIED\",\"message\":\"" + refused + "\"}]}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(400, body.length);
            ex.getResponseBody().write(body);
            ex.close();
            return;
        }
        String jwt = sign(scopes);
        byte[] body = json.writeValueAsBytes(Map.of("token", jwt, "access_token", jwt, "expires_in", 300,
                "issued_at", Instant.now().toString()));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private String sign(List<String> scopes) throws IOException {
        List<Map<String, Object>> access = new ArrayList<>();
        for (String scope : scopes) {
            String[] parts = scope.split(":");
            access.add(Map.of("type", parts[0], "name", parts[1], "actions", List.of(parts[2].split(","))));
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", "");
        claims.put("aud", SERVICE);
        claims.put("exp", now + 300);
        claims.put("nbf", now - 30);
        claims.put("iat", now - 30);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString(json.writeValueAsBytes(Map.of("typ", "JWT", "alg", "RS256", "x5c", List.of(x5c))));
        String payload = url.encodeToString(json.writeValueAsBytes(claims));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + url.encodeToString(rs256.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static void keytool(Path work, String... argv) {
        ExternalTool.Result r = ExternalTool.run(work, List.of(argv));
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.output());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.berth.engine.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The double itself: it answers as NPM 2.15.1 does, and it refuses what NPM refuses, so a
 * test of Berth against it can fail.
 */
class FakeNpmTest {
    private static final String PASSWORD = "double-test-password-1";
    private FakeNpm npm;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        npm = FakeNpm.start().admin("admin@example.com", PASSWORD);
        http = HttpClient.newHttpClient();
    }

    @AfterEach
    void stop() {
        if (npm == null) {
            return; // skipped before the double started: NPM's schemas are not beside this clone
        }
        http.close();
        npm.close();
    }

    @Test
    void aBodyWithAPropertyNpmDoesNotKnowIsRefusedWith400() throws Exception {
        String token = signIn();

        HttpResponse<String> r = send("POST", "/api/nginx/proxy-hosts", token, """
                {"domain_names":["a.example.com"],"forward_scheme":"http","forward_host":"a","forward_port":80,"websockets":true}""");

        assertEquals(400, r.statusCode());
        assertTrue(r.body().startsWith("{\"error\":{\"code\":400,"), r.body());
        assertEquals(1, npm.refusedBodies().size());
        assertTrue(npm.refusedBodies().getFirst().contains("websockets"), npm.refusedBodies()::toString);
        assertEquals(List.of(), npm.hosts());
    }

    @Test
    void aBodyWithAWrongTypeIsRefusedWith400() throws Exception {
        String token = signIn();

        HttpResponse<String> r = send("PUT", "/api/nginx/proxy-hosts/1", token, "{\"forward_port\":\"eighty\"}");

        assertEquals(400, r.statusCode());
        assertTrue(npm.refusedBodies().getFirst().contains("forward_port"), npm.refusedBodies()::toString);
    }

    @Test
    void withoutATokenTheHostsAreForbidden() throws Exception {
        HttpResponse<String> r = send("GET", "/api/nginx/proxy-hosts", null, null);

        assertEquals(403, r.statusCode());
        assertEquals("{\"error\":{\"code\":403,\"message\":\"Permission Denied\"}}", r.body());
    }

    @Test
    void aWrongPasswordGetsNpmsOwnRefusal() throws Exception {
        HttpResponse<String> r = send("POST", "/api/tokens", null, "{\"identity\":\"admin@example.com\",\"secret\":\"nope\"}");

        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Invalid email or password"), r.body());
    }

    @Test
    void aCreatedHostIsListedWithWhatNpmAdds() throws Exception {
        String token = signIn();

        HttpResponse<String> created = send("POST", "/api/nginx/proxy-hosts", token, """
                {"domain_names":["b.example.com","a.example.com"],"forward_scheme":"http","forward_host":"app","forward_port":8080}""");
        HttpResponse<String> again = send("POST", "/api/nginx/proxy-hosts", token, """
                {"domain_names":["A.example.com"],"forward_scheme":"http","forward_host":"app","forward_port":8080}""");

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("A.example.com is already in use"), again.body());
        ProxyHost listed = npm.hosts().getFirst();
        assertEquals(List.of("a.example.com", "b.example.com"), listed.domainNames());
        assertEquals(Boolean.TRUE, listed.meta().get("nginx_online"));
        assertEquals(List.of(), npm.badAnswers());
    }

    @Test
    void aHostCreatedWithANewCertificateHasItButNotForcedHttps() throws Exception {
        String token = signIn();

        HttpResponse<String> created = send("POST", "/api/nginx/proxy-hosts", token, """
                {"domain_names":["a.example.com"],"forward_scheme":"http","forward_host":"app","forward_port":80,
                 "certificate_id":"new","ssl_forced":true,"http2_support":true}""");

        assertEquals(201, created.statusCode(), created.body());
        ProxyHost host = npm.hosts().getFirst();
        assertTrue(host.certificateId() > 0);
        assertFalse(host.sslForced(), "NPM 2.15.1 turns ssl_forced off while the certificate is being made");
        assertEquals(List.of(), npm.badAnswers());
    }

    private String signIn() throws Exception {
        HttpResponse<String> r = send("POST", "/api/tokens", null,
                "{\"identity\":\"admin@example.com\",\"secret\":\"" + PASSWORD + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + npm.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.berth.engine.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Debian's registry 2.8 never does, from a double that answers as the distribution spec
 * ({@code docs/spec/api.md}) describes: tags in pages joined by {@code Link: <…>; rel="next"}, as
 * ghcr.io and Docker Hub page long lists, and a blob redirected to a storage host, as Docker Hub
 * sends blobs to its CDN. Every request without the token gets the spec's 401 challenge.
 */
class RegistryClientPagingTest {
    private static final String CONFIG = "sha256:" + "c".repeat(64);
    private HttpServer registry;
    private HttpServer storage;
    private final List<String> storageAuthorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        storage.createContext("/", ex -> {
            storageAuthorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            answer(ex, 200, "{\"created\":\"2026-11-30T08:15:00.123456789Z\",\"architecture\":\"amd64\",\"os\":\"linux\"}", Map.of());
        });
        storage.start();
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String self = "http://127.0.0.1:" + "%d";
        registry.createContext("/token", ex -> answer(ex, 200, "{\"token\":\"t0k\"}", Map.of()));
        registry.createContext("/v2/", ex -> {
            if (!"Bearer t0k".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                answer(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}",
                        Map.of("WWW-Authenticate", "Bearer realm=\"" + self.formatted(registry.getAddress().getPort())
                                + "/token\",service=\"double\",scope=\"repository:app/x:pull\""));
                return;
            }
            String path = ex.getRequestURI().getPath();
            String query = String.valueOf(ex.getRequestURI().getQuery());
            if (path.equals("/v2/app/x/tags/list") && !query.contains("last=")) {
                answer(ex, 200, "{\"name\":\"app/x\",\"tags\":[\"1.0.0\",\"1.0.1\"]}",
                        Map.of("Link", "</v2/app/x/tags/list?last=1.0.1&n=1000>; rel=\"next\""));
            } else if (path.equals("/v2/app/x/tags/list")) {
                answer(ex, 200, "{\"name\":\"app/x\",\"tags\":[\"1.0.2\"]}", Map.of());
            } else if (path.equals("/v2/app/x/manifests/1.0.2")) {
                answer(ex, 200, "{\"schemaVersion\":2,\"mediaType\":\"" + RegistryClient.DOCKER_MANIFEST
                        + "\",\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"digest\":\"" + CONFIG
                        + "\",\"size\":2},\"layers\":[]}", Map.of("Content-Type", RegistryClient.DOCKER_MANIFEST));
            } else if (path.equals("/v2/app/x/blobs/" + CONFIG)) {
                answer(ex, 307, "", Map.of("Location", "http://127.0.0.1:" + storage.getAddress().getPort() + "/blob?signed=1"));
            } else {
                answer(ex, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"not here\"}]}", Map.of());
            }
        });
        registry.start();
    }

    @AfterEach
    void stop() {
        registry.stop(0);
        storage.stop(0);
    }

    private static void answer(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Test
    void everyPageOfTagsAndABlobFromAnotherHostWithoutTheToken() throws Exception {
        RegistryRepository repo = RegistryRepository.of("127.0.0.1:" + registry.getAddress().getPort() + "/app/x");
        RegistryClient client = new RegistryClient(Map.of());

        assertEquals(List.of("1.0.0", "1.0.1", "1.0.2"), client.tags(repo));
        RegistryImage image = client.image(repo, "1.0.2", Platform.DEFAULT);

        assertEquals(Instant.parse("2026-11-30T08:15:00.123456789Z"), image.created());
        assertEquals(1, storageAuthorizations.size());
        assertEquals("null", storageAuthorizations.getFirst(), "the registry's token must not follow a redirect to another host");
    }

    @Test
    void repositoriesSplitAsDockerSplitsThem() {
        assertEquals(new RegistryRepository("registry-1.docker.io", "library/redis"), RegistryRepository.of("redis"));
        assertEquals(new RegistryRepository("registry-1.docker.io", "qmcgaw/gluetun"), RegistryRepository.of("qmcgaw/gluetun"));
        assertEquals(new RegistryRepository("registry-1.docker.io", "library/redis"), RegistryRepository.of("docker.io/redis"));
        assertEquals(new RegistryRepository("lscr.io", "linuxserver/sonarr"), RegistryRepository.of("lscr.io/linuxserver/sonarr"));
        assertEquals(new RegistryRepository("localhost:5000", "a/b"), RegistryRepository.of("localhost:5000/a/b"));
        assertEquals("https", RegistryRepository.of("ghcr.io/x/y").scheme());
        assertEquals("http", RegistryRepository.of("127.0.0.1:5000/x/y").scheme());
        assertEquals("http", RegistryRepository.of("localhost/x/y").scheme());
    }
}

package dev.berth.engine.update;

import dev.berth.testsupport.Await;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's {@code docker-registry} (the distribution project's registry 2.8) on a free 127.0.0.1
 * port, storing in a temporary folder, stopped by {@link #close()}. Docker treats 127.0.0.0/8 as an
 * insecure registry, so {@code docker push 127.0.0.1:PORT/...} works over plain http.
 */
final class LoopbackRegistry implements AutoCloseable {
    final int port;
    private final Process process;
    private final Path log;

    /** @param auth the {@code auth:} section of the registry's config (indented by two), or "" for none */
    LoopbackRegistry(Path work, String auth) {
        Path binary = ExternalTool.require("docker-registry", "apt-get install docker-registry");
        try {
            port = freePort();
            Path storage = Files.createDirectories(work.resolve("registry-storage"));
            Path config = work.resolve("registry.yml");
            Files.writeString(config, """
                    version: 0.1
                    log:
                      level: info
                    storage:
                      filesystem:
                        rootdirectory: %s
                    http:
                      addr: 127.0.0.1:%d
                    %s
                    """.formatted(storage, port, auth));
            log = work.resolve("registry.log");
            process = new ProcessBuilder(binary.toString(), "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpClient http = HttpClient.newHttpClient();
        Await.until("docker-registry answering on 127.0.0.1:" + port + " (log: " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry stopped: " + Files.readString(log));
            }
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200 || r.statusCode() == 401;
        });
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

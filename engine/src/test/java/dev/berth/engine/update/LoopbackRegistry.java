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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code docker-registry} (the distribution project's registry 2.8) on a free 127.0.0.1
 * port, storing in a temporary folder. Docker treats 127.0.0.0/8 as an insecure registry, so
 * {@code docker push 127.0.0.1:PORT/...} works over plain http. Closing it stops the registry and
 * removes every local image named after it (pushed or pulled).
 */
final class LoopbackRegistry implements AutoCloseable {
    private static final Pattern PUSHED = Pattern.compile("digest: (sha256:[0-9a-f]{64})");

    final int port;
    private final Process process;
    private final Path log;
    private final List<String> tagged = new ArrayList<>();

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
                      delete:
                        enabled: true
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

    /** One without auth, its storage, config and log under {@code work}, answering. */
    static LoopbackRegistry start(Path work) {
        return new LoopbackRegistry(work, "");
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** {@code 127.0.0.1:PORT/name}: a repository in this registry. */
    String repository(String name) {
        return host() + "/" + name;
    }

    /** Tags the local image {@code image} as {@code repository:tag} here, pushes it, and returns its manifest digest. */
    String push(String image, String repository, String tag) {
        String ref = repository + ":" + tag;
        docker("tag", image, ref);
        tagged.add(ref);
        String out = docker("push", ref);
        Matcher m = PUSHED.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("docker push " + ref + " printed no digest: " + out);
        }
        return m.group(1);
    }

    /** Removes a local tag, so that the engine must pull the image from here to run it. */
    void forgetLocally(String ref) {
        docker("rmi", ref);
        tagged.remove(ref);
    }

    static String docker(String... args) {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        ExternalTool.Result r = ExternalTool.run(Path.of("."), argv);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " failed: " + r.output());
        }
        return r.output();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (String ref : tagged) {
            ExternalTool.run(Path.of("."), List.of("docker", "rmi", "-f", ref));
        }
        // Images pulled from here by digest carry no tag of the list above, only this registry's name.
        String prefix = host() + "/";
        for (String line : ExternalTool.run(Path.of("."), List.of("docker", "images", "--format", "{{.Repository}} {{.ID}}"))
                .output().lines().toList()) {
            if (line.startsWith(prefix)) {
                ExternalTool.run(Path.of("."), List.of("docker", "rmi", "-f", line.substring(line.indexOf(' ') + 1)));
            }
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.berth.engine.update;

import dev.berth.testsupport.Await;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
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
 * Debian's {@code docker-registry} (the CNCF distribution registry) on a free 127.0.0.1 port, with
 * its storage in a folder of the test's own and no auth: Docker treats registries on 127.0.0.0/8 as
 * insecure, so it pushes and pulls there over plain HTTP. Closing it stops the registry and removes
 * every local image named after it (pushed or pulled).
 */
final class LoopbackRegistry implements AutoCloseable {
    private static final Pattern PUSHED = Pattern.compile("digest: (sha256:[0-9a-f]{64})");

    private final Process process;
    private final int port;
    private final List<String> tagged = new ArrayList<>();

    private LoopbackRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts one with its storage, config and log under {@code work}, and waits until it answers. */
    static LoopbackRegistry start(Path work) throws IOException {
        Path binary = ExternalTool.require("docker-registry", "apt-get install docker-registry");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(work.resolve("storage"));
        Path config = work.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(work.resolve("storage"), port));
        Process p = new ProcessBuilder(binary.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("registry.log").toFile()).start();
        LoopbackRegistry registry = new LoopbackRegistry(p, port);
        HttpClient http = HttpClient.newHttpClient();
        URI v2 = URI.create("http://127.0.0.1:" + port + "/v2/");
        Await.until("the registry on port " + port + " answers /v2/ (its log: " + work.resolve("registry.log") + ")", () -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("docker-registry ended: " + Files.readString(work.resolve("registry.log")));
            }
            try {
                return http.send(HttpRequest.newBuilder(v2).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return registry;
    }

    /** {@code 127.0.0.1:PORT/name}: a repository in this registry. */
    String repository(String name) {
        return "127.0.0.1:" + port + "/" + name;
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

    @Override
    public void close() {
        for (String ref : tagged) {
            ExternalTool.run(Path.of("."), List.of("docker", "rmi", "-f", ref));
        }
        // Images pulled from here by digest carry no tag of the list above, only this registry's name.
        String prefix = "127.0.0.1:" + port + "/";
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

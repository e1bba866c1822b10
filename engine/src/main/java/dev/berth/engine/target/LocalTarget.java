package dev.berth.engine.target;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** This computer: processes, java.nio.file, and the Docker engine at DOCKER_HOST or the local socket. */
public final class LocalTarget implements Target {
    private final LocalFiles files = new LocalFiles();
    private final String dockerHost;
    private DockerClient docker;

    public LocalTarget() {
        this(System.getenv("DOCKER_HOST"));
    }

    /** @param dockerHost a DOCKER_HOST value, or null for the local socket */
    public LocalTarget(String dockerHost) {
        this.dockerHost = dockerHost == null || dockerHost.isBlank() ? DockerConnector.DEFAULT_HOST : dockerHost;
    }

    @Override
    public String description() {
        return "this computer";
    }

    @Override
    public ExecResult exec(List<String> argv, Duration timeout) throws TargetException {
        Process p;
        try {
            p = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new TargetException(TargetException.Reason.OTHER, "Cannot run " + argv.getFirst() + " on this computer: " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new ExecResult(ExecResult.TIMED_OUT, "", argv.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new ExecResult(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new TargetException(TargetException.Reason.OTHER, "Lost the output of " + argv.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TargetException(TargetException.Reason.OTHER, "Interrupted while running " + argv.getFirst(), e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return f;
    }

    @Override
    public RemoteFiles files() {
        return files;
    }

    /** This computer reaches its own ports directly. */
    @Override
    public LoopbackTunnel openTunnel(int remotePort) {
        return LoopbackTunnel.direct(remotePort);
    }

    @Override
    public synchronized DockerClient docker() throws TargetException {
        if (docker == null) {
            docker = DockerConnector.connect(dockerHost, description());
        }
        return docker;
    }

    @Override
    public synchronized void close() {
        if (docker != null) {
            try {
                docker.close();
            } catch (IOException ignored) {
                // Closing a local socket client cannot fail in a way a person could act on.
            }
            docker = null;
        }
    }
}

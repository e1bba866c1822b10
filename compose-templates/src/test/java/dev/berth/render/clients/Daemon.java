package dev.berth.render.clients;

import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.testsupport.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real download client the test starts on loopback and always stops: asked politely first, killed when it lingers. */
final class Daemon implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private Daemon(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts the command and waits until it accepts connections on the port (or fails with its output if it exits). */
    static Daemon start(String name, List<String> command, Map<String, String> environment, Path workDir, int port) throws IOException {
        Path log = workDir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(environment);
        Daemon daemon = new Daemon(name, pb.start(), log);
        daemon.process.getOutputStream().close();
        try {
            Await.until(name + " accepting connections on 127.0.0.1:" + port, () -> {
                if (!daemon.process.isAlive()) {
                    fail(name + " exited with " + daemon.process.exitValue() + ": " + daemon.output());
                }
                try (Socket ignored = new Socket("127.0.0.1", port)) {
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (RuntimeException | Error e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Stops it with SIGTERM, so it saves its settings as it does when its container stops; kills it if it does not end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(name + " did not stop within 60 s of SIGTERM and was killed: " + output());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

package dev.berth.engine;

import dev.berth.engine.target.AgentSocket;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code ssh-agent} on a socket of its own in a test folder, with keys added by the
 * real {@code ssh-add} (an encrypted key's passphrase through an askpass script, as a desktop's
 * askpass would give it). Skipped without ssh-agent; failed under CI.
 */
public final class TestAgent implements AutoCloseable {
    private final Path dir;
    private final Path socket;
    private final Process agent;

    private TestAgent(Path dir, Path socket, Process agent) {
        this.dir = dir;
        this.socket = socket;
        this.agent = agent;
    }

    public static TestAgent start(Path dir) throws IOException, InterruptedException {
        Path sshAgent = ExternalTool.require("ssh-agent", "apt-get install openssh-client");
        ExternalTool.require("ssh-add", "apt-get install openssh-client");
        Path socket = dir.resolve("agent.sock");
        // -D: stays in the foreground, so the test owns the process and ends it.
        Process p = new ProcessBuilder(sshAgent.toString(), "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroy();
                throw new IOException("ssh-agent did not start: " + Files.readString(dir.resolve("agent.log")));
            }
            Thread.sleep(20);
        }
        return new TestAgent(dir, socket, p);
    }

    public AgentSocket socket() {
        return AgentSocket.unix(socket);
    }

    public Path socketPath() {
        return socket;
    }

    /** {@code ssh-add key}; the passphrase (null for none) comes from an askpass script, never a terminal. */
    public void add(Path key, String passphrase) throws IOException, InterruptedException {
        Path askpass = dir.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\nprintf '%s\\n' \"$BERTH_TEST_PASSPHRASE\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder pb = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
        pb.environment().put("SSH_AUTH_SOCK", socket.toString());
        pb.environment().put("SSH_ASKPASS", askpass.toString());
        pb.environment().put("SSH_ASKPASS_REQUIRE", "force");
        pb.environment().put("DISPLAY", ":0");
        pb.environment().put("BERTH_TEST_PASSPHRASE", passphrase == null ? "" : passphrase);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh-add " + key + " failed: " + out);
        }
    }

    /** What the agent holds, as {@code ssh-add -l} lists it. */
    public List<String> list() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("ssh-add", "-l").redirectErrorStream(true);
        pb.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.lines().toList();
    }

    @Override
    public void close() throws InterruptedException {
        agent.destroy();
        if (!agent.waitFor(5, TimeUnit.SECONDS)) {
            agent.destroyForcibly();
        }
    }
}

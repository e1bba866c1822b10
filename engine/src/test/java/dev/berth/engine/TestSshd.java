package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.engine.target.SshDestination;
import dev.berth.engine.target.SshSettings;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real OpenSSH server on 127.0.0.1 and a free port (or on a test host's address, inside its
 * namespaces: {@code cluster.NamespaceHosts}), with its own host key, config and
 * authorized_keys in a temp folder, for the test user {@value #USER} (created when running as
 * root, in the docker group), {@value #NO_DOCKER_USER} (not in it) and root (keys only, as
 * OpenSSH's default PermitRootLogin allows). Client keys of every type are generated; {@link #key}
 * names them. Everything that shapes sessions keeps OpenSSH's defaults (MaxSessions 10, root
 * sessions without privilege separation, the distribution's sftp-server), so the tests meet what
 * a stock server does. Skipped without sshd or root; failed under CI.
 */
public final class TestSshd implements AutoCloseable {
    public static final String USER = "berthtest";
    public static final String NO_DOCKER_USER = "berthnodocker";
    public static final String PASSWORD = "Berth-test-password-7";
    public static final String PASSPHRASE = "correct horse battery";
    public static final List<String> KEYS = List.of("ed25519", "rsa", "ecdsa", "ed25519-encrypted");

    /** Debian's and Ubuntu's stock sshd_config names this one. */
    private static final Path SFTP_SERVER = Path.of("/usr/lib/openssh/sftp-server");

    private final Path dir;
    private final String address;
    private final int port;
    /** What sshd is started through: nothing, or {@code nsenter} into a test host's namespaces. */
    private final List<String> launcher;
    /** Config lines this server always has first (a test host's {@code SetEnv DOCKER_HOST}). */
    private final List<String> ownConfig;
    private final List<Path> scratches = new ArrayList<>();
    private List<String> extraConfig = List.of();
    private Process sshd;

    private TestSshd(Path dir, String address, int port, List<String> launcher, List<String> extraConfig) {
        this.dir = dir;
        this.address = address;
        this.port = port;
        this.launcher = List.copyOf(launcher);
        this.ownConfig = List.copyOf(extraConfig);
    }

    public static TestSshd start() throws IOException, InterruptedException {
        return start("127.0.0.1", MachineSetup.freePort(), List.of(), List.of());
    }

    /**
     * A server on {@code address:port}, started through {@code launcher} (a command prefix such as
     * {@code nsenter --net=… --mount=…}, so it runs inside a test host's namespaces), with
     * {@code extraConfig} lines first (e.g. {@code SetEnv DOCKER_HOST=…} for every session).
     */
    public static TestSshd start(String address, int port, List<String> launcher, List<String> extraConfig)
            throws IOException, InterruptedException {
        Path binary = Path.of("/usr/sbin/sshd");
        if (!Files.isExecutable(binary)) {
            skip("OpenSSH server is not installed (apt-get install openssh-server)");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            skip("the SSH tests create test users and run sshd for them, which needs root");
        }
        MachineSetup.ensureUser(USER, true);
        MachineSetup.ensureUser(NO_DOCKER_USER, false);
        Path dir = Files.createTempDirectory("berth-sshd");
        // sshd reads authorized_keys as the logged-in user, so the folder must be open to it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(Path.of("/run/sshd"));
        StringBuilder authorized = new StringBuilder();
        for (String name : KEYS) {
            MachineSetup.keygen(List.of("-t", name.replace("-encrypted", ""), "-N", name.endsWith("-encrypted") ? PASSPHRASE : "",
                    "-C", "berth-" + name, "-f", dir.resolve("id_" + name).toString()));
            authorized.append(Files.readString(dir.resolve("id_" + name + ".pub")));
        }
        Files.setPosixFilePermissions(Files.writeString(dir.resolve("authorized_keys"), authorized),
                PosixFilePermissions.fromString("rw-r--r--")); // sshd reads it as the logged-in user
        TestSshd server = new TestSshd(dir, address, port, launcher, extraConfig);
        server.newHostKey();
        server.run();
        return server;
    }

    static void skip(String reason) {
        if (ExternalTool.underCi()) {
            fail(reason);
        }
        Assumptions.abort(reason);
    }

    /** Settings that trust this server, read no SSH config, try no default keys and ask no ssh-agent. */
    public SshSettings settings(Path tmp) throws IOException {
        return SshSettings.defaults().withKnownHosts(trustedKnownHosts(tmp)).withConfigFile(tmp.resolve("no-ssh-config"))
                .withDefaultKeys(List.of()).withAgent(null);
    }

    /** The test user with one of the generated keys. */
    public SshDestination withKey(String name) {
        return SshDestination.withKey(address, port, USER, key(name));
    }

    /** {@code user} ({@value #USER}, {@value #NO_DOCKER_USER} or root) with the ed25519 key. */
    public SshDestination as(String user) {
        return SshDestination.withKey(address, port, user, key("ed25519"));
    }

    /** Where the server's log ends now: {@link #logSince} reads what it writes after. */
    public long logMark() throws IOException {
        Path log = dir.resolve("sshd.log");
        return Files.exists(log) ? Files.size(log) : 0;
    }

    /** The lines sshd logged since {@code mark}. */
    public List<String> logSince(long mark) throws IOException {
        byte[] all = Files.readAllBytes(dir.resolve("sshd.log"));
        return new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark),
                java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }

    public int port() {
        return port;
    }

    /** A client key: ed25519, rsa, ecdsa, or ed25519-encrypted (passphrase {@value #PASSPHRASE}). */
    public Path key(String name) {
        return dir.resolve("id_" + name);
    }

    /** The server's public host key: ed25519 or ecdsa (it has both, like a stock server). */
    public Path hostPublicKey(String type) {
        return dir.resolve("ssh_host_" + type + "_key.pub");
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf key.pub -E sha256} prints it. */
    public String hostKeyFingerprint() throws IOException, InterruptedException {
        String out = MachineSetup.keygen(List.of("-lf", hostPublicKey("ed25519").toString(), "-E", "sha256"));
        return out.trim().split("\\s+")[1];
    }

    /** The known_hosts line OpenSSH writes for this server's ed25519 key. */
    public String knownHostsLine() throws IOException {
        return knownHostsLine("ed25519");
    }

    public String knownHostsLine(String type) throws IOException {
        String[] pub = Files.readString(hostPublicKey(type)).trim().split("\\s+");
        // OpenSSH writes the bare address for port 22 and [address]:port for any other.
        String host = port == 22 ? address : "[" + address + "]:" + port;
        return host + " " + pub[0] + " " + pub[1];
    }

    /** A known_hosts file in {@code folder} that already trusts this server. */
    public Path trustedKnownHosts(Path folder) throws IOException {
        return Files.writeString(folder.resolve("known_hosts-trusting-test-sshd"), knownHostsLine() + "\n");
    }

    /** Stops sshd, gives it a new host key, and starts it again on the same port. */
    public void restartWithNewHostKey() throws IOException, InterruptedException {
        stop();
        newHostKey();
        run();
    }

    /**
     * Restarts sshd with extra config lines first, where they win over the fixture's own (sshd
     * keeps the first value of each option); an empty list goes back to the plain fixture.
     */
    public void restartWith(List<String> extraConfig) throws IOException, InterruptedException {
        stop();
        this.extraConfig = List.copyOf(extraConfig);
        run();
    }

    /** Kills the per-connection sshd processes, as a dropped network would end the sessions. */
    public void dropConnections() {
        sshd.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** Stops (SIGSTOP) or resumes (SIGCONT) the per-connection sshd processes: a server that hangs. */
    public void freezeConnections(boolean frozen) throws IOException, InterruptedException {
        for (ProcessHandle p : sshd.descendants().toList()) {
            MachineSetup.run(List.of("kill", frozen ? "-STOP" : "-CONT", String.valueOf(p.pid())));
        }
    }

    /** A fresh folder in the test user's home, owned by it; removed by {@link #close}. */
    public Path scratch() throws IOException, InterruptedException {
        Path scratch = Path.of("/home", USER, "berth-test-" + UUID.randomUUID());
        Files.createDirectories(scratch);
        MachineSetup.run(List.of("chown", USER + ":" + USER, scratch.toString()));
        scratches.add(scratch);
        return scratch;
    }

    private void newHostKey() throws IOException, InterruptedException {
        for (String type : List.of("ed25519", "ecdsa")) {
            Path key = dir.resolve("ssh_host_" + type + "_key");
            Files.deleteIfExists(key);
            Files.deleteIfExists(hostPublicKey(type));
            MachineSetup.keygen(List.of("-t", type, "-N", "", "-C", "berth-test-host", "-f", key.toString()));
        }
    }

    private void run() throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>(extraConfig);
        lines.addAll(ownConfig);
        lines.addAll(List.of(
                "ListenAddress " + address, "Port " + port, "HostKey " + dir.resolve("ssh_host_ed25519_key"),
                "HostKey " + dir.resolve("ssh_host_ecdsa_key"), "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "StrictModes no", "PasswordAuthentication yes", "KbdInteractiveAuthentication no",
                // Without PAM, sshd checks /etc/shadow itself; PAM's session modules fail in containers.
                // No PermitRootLogin and no MaxSessions: root logs in with a key, as on a stock server.
                "UsePAM no", "AllowUsers " + USER + " " + NO_DOCKER_USER + " root",
                "Subsystem sftp " + (Files.isExecutable(SFTP_SERVER) ? SFTP_SERVER : "internal-sftp"), "LogLevel VERBOSE"));
        Path config = Files.writeString(dir.resolve("sshd_config"), String.join("\n", lines) + "\n");
        Path log = dir.resolve("sshd.log");
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("/usr/sbin/sshd", "-D", "-e", "-f", config.toString()));
        sshd = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!sshd.isAlive()) {
                fail("sshd exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(30);
            }
        }
        fail("sshd did not listen on port " + port + " within 10 s: " + Files.readString(log));
    }

    private void stop() throws InterruptedException {
        if (sshd != null) {
            sshd.descendants().forEach(ProcessHandle::destroy);
            sshd.destroy();
            if (!sshd.waitFor(5, TimeUnit.SECONDS)) {
                sshd.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            stop();
            for (Path p : scratches) {
                MachineSetup.run(List.of("rm", "-rf", "--one-file-system", p.toString()));
            }
            MachineSetup.run(List.of("rm", "-rf", dir.toString()));
            // The known test password must not outlive the tests: another sshd on this machine would accept it.
            MachineSetup.disablePassword(USER);
            MachineSetup.disablePassword(NO_DOCKER_USER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

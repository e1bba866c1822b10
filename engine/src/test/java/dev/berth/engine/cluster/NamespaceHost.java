package dev.berth.engine.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.engine.TestSshd;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One test host of {@link NamespaceHosts}: its network and mount namespaces, its dockerd and its
 * sshd. Tests reach it as Berth does ({@link #target()}, over SSH) and look at it from outside
 * ({@link #docker}, {@link #files()}).
 */
public final class NamespaceHost {
    private final String name;
    private final String address;
    private final Path folder;
    private Process dockerd;
    private TestSshd sshd;
    private SshTarget target;

    private NamespaceHost(String name, String address, Path folder) {
        this.name = name;
        this.address = address;
        this.folder = folder;
    }

    /** Its namespaces, veth on the bridge and folders; the engine and sshd start after. */
    static NamespaceHost create(String name, String address) throws IOException, InterruptedException {
        NamespaceHost host = new NamespaceHost(name, address, NamespaceHosts.BASE.resolve(name));
        Files.createDirectories(host.files());
        Files.createDirectories(host.folder.resolve("etc-docker"));
        String ns = host.namespace();
        NamespaceHosts.run("ip", "netns", "add", ns);
        NamespaceHosts.run("ip", "link", "add", ns, "type", "veth", "peer", "name", "eth0", "netns", ns);
        NamespaceHosts.run("ip", "link", "set", ns, "master", NamespaceHosts.BRIDGE, "up");
        NamespaceHosts.run("ip", "-n", ns, "addr", "add", address + "/24", "dev", "eth0");
        NamespaceHosts.run("ip", "-n", ns, "link", "set", "eth0", "up");
        NamespaceHosts.run("ip", "-n", ns, "link", "set", "lo", "up");
        NamespaceHosts.run("ip", "-n", ns, "route", "add", "default", "via", NamespaceHosts.BRIDGE_ADDRESS);
        Path mounts = host.mountNamespace();
        Files.createFile(mounts);
        NamespaceHosts.run("unshare", "--mount=" + mounts, "--propagation", "private",
                "mount", "--bind", host.files().toString(), NamespaceHosts.STACKS.toString());
        // The engine's ID is derived from /etc/docker/key.json: each host gets its own.
        NamespaceHosts.run("nsenter", "--mount=" + mounts, "mount", "--bind", host.folder.resolve("etc-docker").toString(), "/etc/docker");
        return host;
    }

    void startEngine() throws IOException {
        List<String> command = new ArrayList<>(enter());
        command.addAll(List.of("dockerd", "--data-root", folder.resolve("docker").toString(),
                "--exec-root", folder.resolve("exec").toString(), "--pidfile", folder.resolve("docker.pid").toString(),
                "-H", dockerHost(), "--bridge", "none", "--iptables=false",
                // Its containers' cgroups carry the host's name, so a crashed run's are found and ended.
                "--cgroup-parent", namespace()));
        dockerd = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("dockerd.log").toFile())).start();
    }

    void startSshd() throws IOException, InterruptedException {
        sshd = TestSshd.start(address, 22, enter(), List.of("SetEnv DOCKER_HOST=" + dockerHost()));
    }

    boolean engineAnswers() {
        if (dockerd != null && !dockerd.isAlive()) {
            fail("the Docker engine of test host " + name + " exited: see " + folder.resolve("dockerd.log"));
        }
        return tryDocker("version", "--format", "{{.Server.Version}}").exitCode() == 0;
    }

    public String name() {
        return name;
    }

    /** Where the other hosts (and this machine, over the bridge) reach it: 10.77.0.1x. */
    public String address() {
        return address;
    }

    /** Its own folder on this machine (engine data, logs, the folder behind {@link NamespaceHosts#STACKS}). */
    public Path folder() {
        return folder;
    }

    /** The real folder that this host sees at {@link NamespaceHosts#STACKS}. */
    public Path files() {
        return folder.resolve("stacks");
    }

    /** Where a path this host sees under {@link NamespaceHosts#STACKS} really is, for looking at it from outside. */
    public Path files(Path seenByHost) {
        return files().resolve(NamespaceHosts.STACKS.relativize(seenByHost).toString());
    }

    /** {@code DOCKER_HOST} of its engine, usable from this machine too. */
    public String dockerHost() {
        return "unix://" + folder.resolve("docker.sock");
    }

    /** The OpenSSH server on {@code address:22}, for other users or keys than {@link #target()}'s. */
    public TestSshd sshd() {
        return sshd;
    }

    /** A connection as root (kept, closed with the hosts), as Berth reaches a server. */
    public synchronized SshTarget target() {
        if (target == null || !target.connected()) {
            target = connect();
        }
        return target;
    }

    /** A new connection as root, which the caller closes. */
    public SshTarget connect() {
        try {
            return SshTarget.connect(sshd.as("root"), sshd.settings(folder));
        } catch (TargetException | IOException e) {
            throw new IllegalStateException("cannot reach test host " + name + " over SSH: " + e.getMessage(), e);
        }
    }

    /** The host as the cluster code takes it, reached over {@link #target()}. */
    public ClusterHost clusterHost() {
        return new ClusterHost(name, target(), address);
    }

    /** Runs the docker CLI against this host's engine from this machine; fails the test when it fails. Its output. */
    public String docker(String... args) {
        ExternalTool.Result result = tryDocker(args);
        if (result.exitCode() != 0) {
            fail("docker " + String.join(" ", args) + " on test host " + name + " failed: " + result.output());
        }
        return result.output().trim();
    }

    /** Runs the docker CLI against this host's engine; output and errors merged. */
    public ExternalTool.Result tryDocker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", dockerHost()));
        command.addAll(List.of(args));
        return ExternalTool.run(folder, command);
    }

    /** Copies images from the main engine to this one ({@code docker save | docker load}). */
    public void loadImages(String... images) throws IOException, InterruptedException {
        NamespaceHosts.loadImages(List.of(this), images);
    }

    /**
     * Loses the host as a power cut would: every process of it ends at once (sshd and its
     * sessions, dockerd, containerd, the containers); its namespaces and files stay until the
     * hosts are closed. Connections to it break.
     */
    public void kill() throws IOException, InterruptedException {
        NamespaceHosts.killAll(namespace());
    }

    /** Ends the connection, sshd and the engine; {@link NamespaceHosts#close} then removes the rest by name. */
    void stop() throws IOException, InterruptedException {
        if (target != null) {
            target.close();
        }
        if (sshd != null) {
            sshd.close();
        }
        NamespaceHosts.killAll(namespace());
        if (dockerd != null && !dockerd.waitFor(30, TimeUnit.SECONDS)) {
            throw new IOException("the Docker engine of test host " + name + " did not end after SIGKILL");
        }
    }

    /** Its network namespace, veth, and containers' cgroup parent are all named so. */
    String namespace() {
        return NamespaceHosts.PREFIX + name;
    }

    private Path mountNamespace() {
        return NamespaceHosts.BASE.resolve("ns").resolve(name);
    }

    /** The command prefix that runs a process on this host (its network and mount namespaces). */
    private List<String> enter() {
        return List.of("nsenter", "--net=/run/netns/" + namespace(), "--mount=" + mountNamespace());
    }

    @Override
    public String toString() {
        return name + " (" + address + ")";
    }
}

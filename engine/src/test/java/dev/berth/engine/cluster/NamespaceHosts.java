package dev.berth.engine.cluster;

import dev.berth.engine.MachineSetup;
import dev.berth.engine.RequiresDocker;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Several hosts on this one machine, for multi-host tests: a bridge ({@value #BRIDGE},
 * {@value #BRIDGE_ADDRESS}/24) joining one network namespace per host (addresses 10.77.0.11,
 * .12, …), each host with
 * <ul>
 * <li>a private mount namespace in which its own folder ({@link NamespaceHost#files()}) is bound
 * at {@link #STACKS}, so the same stack path is a different folder on each host, and its own
 * {@code /etc/docker} (the engine's ID comes from {@code /etc/docker/key.json});</li>
 * <li>its own dockerd (data root, exec root, pid file and socket in its folder; its containers
 * under the cgroup parent {@code berthns-<name>}), started with {@code nsenter --net --mount}
 * ({@code ip netns exec} would hide the cgroup mounts);</li>
 * <li>its own OpenSSH server on its address, port 22 ({@link dev.berth.engine.TestSshd}), whose
 * sessions get {@code DOCKER_HOST} for that engine, so an {@code SshTarget} reaches it as a real
 * server.</li>
 * </ul>
 * Everything is named {@code berthns…} and lives in {@link #BASE}: {@link #start} first removes
 * what a crashed run left, and {@link #close} removes it all (processes, cgroups, mounts,
 * namespaces, veths, the bridge and its FORWARD rule). Skipped without root, iproute2,
 * util-linux's {@code nsenter}/{@code unshare}, dockerd or sshd; failed under CI. Run tests that
 * use it under {@code flock /tmp/berth-tests.lock}: there is one set of test hosts per machine.
 */
public final class NamespaceHosts implements AutoCloseable {
    static final String PREFIX = "berthns-";
    static final String BRIDGE = "berthns0";
    static final String BRIDGE_ADDRESS = "10.77.0.1";
    /** Short: containerd's sockets live under each host's exec root, and a socket path has at most 107 bytes. */
    static final Path BASE = Path.of("/var/tmp/berthns");
    /** Where tests put stacks: the same path on every host, a different folder behind it on each. */
    public static final Path STACKS = BASE.resolve("stacks");

    private static final Path MOUNT_NAMESPACES = BASE.resolve("ns");
    private static final Path NETNS = Path.of("/run/netns");
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");
    /** The main dockerd's FORWARD policy is DROP and br_netfilter is on: without this the hosts cannot talk. */
    private static final List<String> FORWARD_RULE = List.of("FORWARD", "-i", BRIDGE, "-o", BRIDGE, "-j", "ACCEPT");
    private static final Duration ENGINE_START_LIMIT = Duration.ofSeconds(60);

    private final List<NamespaceHost> hosts;

    private NamespaceHosts(List<NamespaceHost> hosts) {
        this.hosts = List.copyOf(hosts);
    }

    /** {@code count} hosts named h1, h2, … at 10.77.0.11, .12, …, every engine answering and every sshd listening. */
    public static NamespaceHosts start(int count) throws IOException, InterruptedException {
        requireWhatItNeeds();
        long began = System.nanoTime();
        removeLeftovers();
        List<NamespaceHost> hosts = new ArrayList<>();
        try {
            Files.createDirectories(MOUNT_NAMESPACES);
            Files.createDirectories(STACKS);
            // A mount namespace is kept by binding its file; that only works on a private mount.
            run("mount", "--bind", MOUNT_NAMESPACES.toString(), MOUNT_NAMESPACES.toString());
            run("mount", "--make-private", MOUNT_NAMESPACES.toString());
            run("ip", "link", "add", BRIDGE, "type", "bridge");
            run("ip", "addr", "add", BRIDGE_ADDRESS + "/24", "dev", BRIDGE);
            run("ip", "link", "set", BRIDGE, "up");
            List<String> insert = new ArrayList<>(List.of("iptables", "-I"));
            insert.addAll(FORWARD_RULE);
            MachineSetup.run(insert);
            for (int i = 1; i <= count; i++) {
                hosts.add(NamespaceHost.create("h" + i, "10.77.0." + (10 + i)));
            }
            // Both engines start side by side; each sshd meanwhile; then wait for the engines.
            for (NamespaceHost host : hosts) {
                host.startEngine();
            }
            for (NamespaceHost host : hosts) {
                host.startSshd();
            }
            for (NamespaceHost host : hosts) {
                Await.until("the Docker engine of test host " + host.name() + " to answer (log: " + host.folder().resolve("dockerd.log") + ")",
                        ENGINE_START_LIMIT, host::engineAnswers);
            }
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            new NamespaceHosts(hosts).close();
            throw e;
        }
        System.err.printf("NamespaceHosts: %d hosts up in %.1f s%n", count, (System.nanoTime() - began) / 1e9);
        return new NamespaceHosts(hosts);
    }

    public List<NamespaceHost> hosts() {
        return hosts;
    }

    /** The n-th host, counting from 1 (h1 is the first). */
    public NamespaceHost host(int n) {
        return hosts.get(n - 1);
    }

    /** Every host as the cluster code takes them, the first (the Swarm manager) first. */
    public List<ClusterHost> clusterHosts() {
        return hosts.stream().map(NamespaceHost::clusterHost).toList();
    }

    /** Copies images from the main engine to every host's ({@code docker save | docker load}), saved once. */
    public void loadImages(String... images) throws IOException, InterruptedException {
        loadImages(hosts, images);
    }

    static void loadImages(List<NamespaceHost> into, String... images) throws IOException, InterruptedException {
        Path archive = Files.createTempFile(BASE, "images", ".tar");
        try {
            List<String> save = new ArrayList<>(List.of("docker", "save", "-o", archive.toString()));
            save.addAll(List.of(images));
            MachineSetup.run(save);
            parallel(into, host -> host.docker("load", "-q", "-i", archive.toString()));
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    /** Stops every host and removes everything they made; safe to call after a partial start. */
    @Override
    public void close() throws IOException {
        try {
            for (NamespaceHost host : hosts) {
                host.stop();
            }
            removeLeftovers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while removing the test hosts", e);
        }
    }

    interface HostWork {
        void run(NamespaceHost host) throws Exception;
    }

    private static void parallel(List<NamespaceHost> hosts, HostWork work) throws IOException, InterruptedException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (NamespaceHost host : hosts) {
                done.add(pool.submit(() -> {
                    work.run(host);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException(e.getCause().getMessage(), e.getCause());
                }
            }
        }
    }

    private static void requireWhatItNeeds() {
        if (!"root".equals(System.getProperty("user.name"))) {
            ExternalTool.skipOrFail("the test hosts need root (network and mount namespaces, a bridge, an iptables rule, extra dockerds)");
        }
        ExternalTool.require("ip", "apt-get install iproute2");
        ExternalTool.require("nsenter", "apt-get install util-linux");
        ExternalTool.require("unshare", "apt-get install util-linux");
        ExternalTool.require("iptables", "apt-get install iptables");
        ExternalTool.require("dockerd", "install Docker Engine");
        ExternalTool.require("sshd", "apt-get install openssh-server");
        RequiresDocker.engine();
    }

    /**
     * Removes every test host by name, whether this run made it or a crashed one: processes (those
     * in the namespaces, the containers in the cgroups), cgroups, mounts, namespaces, the bridge,
     * the FORWARD rule and {@link #BASE}.
     */
    static void removeLeftovers() throws IOException, InterruptedException {
        for (String name : namespaceNames()) {
            killAll(name);
        }
        for (String name : namespaceNames()) {
            Await.until("the processes of test host namespace " + name + " to end", () -> netnsPids(name).isEmpty());
            removeCgroups(name);
        }
        if (Files.isDirectory(MOUNT_NAMESPACES)) {
            try (Stream<Path> files = Files.list(MOUNT_NAMESPACES)) {
                for (Path file : files.toList()) {
                    quietly("umount", file.toString());
                }
            }
            while (quietly("mountpoint", "-q", MOUNT_NAMESPACES.toString())) {
                run("umount", MOUNT_NAMESPACES.toString());
            }
        }
        for (String name : namespaceNames()) {
            run("ip", "netns", "del", name);
        }
        if (quietly("ip", "link", "show", BRIDGE)) {
            run("ip", "link", "del", BRIDGE);
        }
        // A deleted namespace goes in the background, its veth with it: the next start needs the names free.
        Await.until("the test hosts' veths to go", () -> quietlyOutput("ip", "-o", "link", "show").lines()
                .noneMatch(l -> l.contains(" " + PREFIX)));
        List<String> check = new ArrayList<>(List.of("iptables", "-C"));
        check.addAll(FORWARD_RULE);
        List<String> delete = new ArrayList<>(List.of("iptables", "-D"));
        delete.addAll(FORWARD_RULE);
        while (quietly(check.toArray(String[]::new))) {
            MachineSetup.run(delete);
        }
        run("rm", "-rf", "--one-file-system", BASE.toString());
    }

    /** SIGKILL to the namespace's processes (sshd, dockerd, containerd, shims) and its containers. */
    static void killAll(String namespace) throws IOException, InterruptedException {
        List<String> pids = new ArrayList<>(cgroupPids(namespace));
        pids.addAll(netnsPids(namespace));
        if (!pids.isEmpty()) {
            List<String> kill = new ArrayList<>(List.of("kill", "-KILL"));
            kill.addAll(pids);
            quietly(kill.toArray(String[]::new)); // one may have ended meanwhile
        }
    }

    private static List<String> namespaceNames() throws IOException {
        if (!Files.isDirectory(NETNS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(NETNS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PREFIX)).sorted().toList();
        }
    }

    private static List<String> netnsPids(String namespace) throws IOException, InterruptedException {
        return MachineSetup.run(List.of("ip", "netns", "pids", namespace)).lines().filter(l -> !l.isBlank()).toList();
    }

    /** The cgroup folders of a host's containers: {@code <controller>/berthns-h1} (v1) or {@code berthns-h1} (v2). */
    private static List<Path> cgroupParents(String namespace) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(CGROUPS)) {
            return found;
        }
        found.add(CGROUPS.resolve(namespace));
        try (Stream<Path> controllers = Files.list(CGROUPS)) {
            controllers.filter(Files::isDirectory).forEach(c -> found.add(c.resolve(namespace)));
        }
        return found.stream().filter(Files::isDirectory).toList();
    }

    private static List<String> cgroupPids(String namespace) throws IOException {
        List<String> pids = new ArrayList<>();
        for (Path parent : cgroupParents(namespace)) {
            try (Stream<Path> tree = Files.walk(parent)) {
                for (Path procs : tree.filter(p -> p.getFileName().toString().equals("cgroup.procs")).toList()) {
                    Files.readAllLines(procs).stream().filter(l -> !l.isBlank()).forEach(pids::add);
                }
            }
        }
        return pids;
    }

    private static void removeCgroups(String namespace) throws IOException {
        Await.until("the containers of test host " + namespace + " to end", () -> cgroupPids(namespace).isEmpty());
        for (Path parent : cgroupParents(namespace)) {
            // A cgroup is removed with rmdir, children first; its files go with it.
            try (Stream<Path> tree = Files.walk(parent)) {
                for (Path dir : tree.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                    try {
                        Files.delete(dir);
                    } catch (IOException alreadyGone) {
                        // cpu and cpuacct name one hierarchy twice (symlinks): the second delete finds nothing
                        if (Files.isDirectory(dir)) {
                            throw new UncheckedIOException(alreadyGone);
                        }
                    }
                }
            }
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        MachineSetup.run(List.of(command));
    }

    /** A command's output and errors, whatever its exit code: for looking at this machine. */
    static String quietlyOutput(String... command) {
        return ExternalTool.run(Path.of("/"), List.of(command)).output();
    }

    /** Runs a command whose failure is an answer, not an error; true when it succeeded. */
    static boolean quietly(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor() == 0;
    }
}

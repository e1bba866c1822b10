package dev.berth.tools.bench;

import com.github.dockerjava.api.DockerClient;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshDestination;
import dev.berth.engine.target.SshSettings;
import dev.berth.engine.target.SshTarget;
import dev.berth.engine.target.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The SSH rows: they need a server, which ./bench starts (BERTH_BENCH_SSH=user@127.0.0.1:port,
 * BERTH_BENCH_SSH_ROOT=root@127.0.0.1:port for the same server as root, BERTH_BENCH_SSH_KEY,
 * BERTH_BENCH_KNOWN_HOSTS). Without one the rows are left out.
 */
final class SshBench {
    private SshBench() {
    }

    static List<Benchmark> all(Path answersFile) throws Exception {
        String where = System.getenv("BERTH_BENCH_SSH");
        if (where == null) {
            System.out.println("(no BERTH_BENCH_SSH server: SSH rows left out; ./bench starts one when run as root)");
            return List.of();
        }
        Callable<Target> connect = connector(where);
        List<Benchmark> rows = new ArrayList<>();
        rows.add(timed("SSH connect + auth (ed25519, 127.0.0.1)", "-", 10, () -> {
            try (Target t = connect.call()) {
                t.exec(List.of("true"), java.time.Duration.ofSeconds(5));
            }
        }));
        rows.add(new AllChecks("all checks over SSH to 127.0.0.1, incl. connect + auth", "<= 1200 ms", answersFile, connect));
        String root = System.getenv("BERTH_BENCH_SSH_ROOT");
        if (root != null) {
            rows.add(new AllChecks("all checks over SSH as root (default sshd), incl. connect + auth", "-", answersFile,
                    connector(root)));
        }
        SshTarget ssh = (SshTarget) connect.call();
        DockerClient overSsh = ssh.docker();
        DockerClient local = new LocalTarget().docker();
        rows.add(timed("docker version over SSH (dial-stdio), warm", "-", 20, () -> overSsh.versionCmd().exec()));
        rows.add(timed("docker version over the local socket, warm", "-", 20, () -> local.versionCmd().exec()));
        return rows;
    }

    /** A connection to user@host:port with the bench's key and known_hosts. */
    private static Callable<Target> connector(String where) {
        String user = where.substring(0, where.indexOf('@'));
        String host = where.substring(where.indexOf('@') + 1, where.lastIndexOf(':'));
        int port = Integer.parseInt(where.substring(where.lastIndexOf(':') + 1));
        SshDestination destination = SshDestination.withKey(host, port, user, Path.of(System.getenv("BERTH_BENCH_SSH_KEY")));
        SshSettings settings = SshSettings.defaults().withKnownHosts(Path.of(System.getenv("BERTH_BENCH_KNOWN_HOSTS")))
                .withConfigFile(Path.of("/nonexistent/berth-bench-ssh-config")).withDefaultKeys(List.of());
        return () -> SshTarget.connect(destination, settings);
    }

    interface Work {
        void run() throws Exception;
    }

    static Benchmark timed(String name, String goal, int runs, Work work) {
        return new Benchmark() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String goal() {
                return goal;
            }

            @Override
            public int warmups() {
                return 3;
            }

            @Override
            public int runs() {
                return runs;
            }

            @Override
            public long sample() throws Exception {
                long start = System.nanoTime();
                work.run();
                return System.nanoTime() - start;
            }
        };
    }
}

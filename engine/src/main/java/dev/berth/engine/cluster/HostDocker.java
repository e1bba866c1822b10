package dev.berth.engine.cluster;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The docker CLI on one host of the cluster, through its target (over SSH: the engine its sessions name). */
final class HostDocker {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** {@code docker swarm join} waits for the manager; it gives up by itself after about 20 s. */
    static final Duration JOIN_LIMIT = Duration.ofSeconds(90);

    private final ClusterHost host;

    HostDocker(ClusterHost host) {
        this.host = host;
    }

    /** Runs {@code docker args…}; its result whatever the exit code. */
    ExecResult attempt(Duration limit, BooleanSupplier cancelled, String... args) throws TargetException {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        ExecResult result = host.target().exec(argv, limit, cancelled);
        if (result.exitCode() == 127) {
            throw new TargetException(TargetException.Reason.DOCKER_MISSING,
                    "The docker command is not installed on host " + host.name() + ": install Docker there, or remove the host from hosts:.");
        }
        return result;
    }

    /** Runs {@code docker args…} and returns its output, trimmed; a failure names the host, the command and Docker's words. */
    String run(BooleanSupplier cancelled, String... args) throws TargetException {
        return run(LIMIT, cancelled, args);
    }

    String run(Duration limit, BooleanSupplier cancelled, String... args) throws TargetException {
        ExecResult result = attempt(limit, cancelled, args);
        if (!result.ok()) {
            throw failed(result, args);
        }
        return result.stdout().trim();
    }

    TargetException failed(ExecResult result, String... args) {
        String why = result.timedOut() ? "no answer in time" : result.cancelled() ? "cancelled" : result.stderr().trim();
        return new TargetException(result.timedOut() ? TargetException.Reason.TIMEOUT : TargetException.Reason.OTHER,
                "On host " + host.name() + ", docker " + String.join(" ", args) + " failed: " + why);
    }

    SwarmState swarm(BooleanSupplier cancelled) throws TargetException {
        String json = run(cancelled, "info", "--format", "{{json .Swarm}}");
        try {
            return SwarmState.parse(json);
        } catch (java.io.IOException e) {
            throw new TargetException(TargetException.Reason.OTHER,
                    "On host " + host.name() + ", docker info gave no swarm state Berth can read: " + json, e);
        }
    }

    ClusterHost host() {
        return host;
    }
}

package dev.berth.engine.health;

import dev.berth.engine.target.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The HTTP probes of a project's web services: one {@link ProbeLoop} per service, all asking from
 * the target through one {@link HttpProber} (which finds the target's HTTP client once). The loops
 * back off on their own; Docker's news starts a probe at once.
 */
final class ProbeScheduler {
    private final Map<String, ProbeLoop> loops;

    /**
     * @param addresses the services that answer HTTP, with where the probe asks
     * @param host      the monitor: whether it is closed, each service's state, where results go
     */
    ProbeScheduler(Target target, String project, Map<String, ProbeAddress> addresses, ScheduledExecutorService timers, ProbeLoop.Host host) {
        HttpProber prober = new HttpProber(target, project);
        Map<String, ProbeLoop> byService = new LinkedHashMap<>();
        addresses.forEach((service, address) -> byService.put(service, new ProbeLoop(service, address, timers, prober, host)));
        this.loops = Map.copyOf(byService);
    }

    /** Probes every service now, then on each loop's own schedule. */
    void start() {
        loops.values().forEach(ProbeLoop::kick);
    }

    /**
     * Whether the service answers HTTP on a published port, so a probe is its sign of life when it
     * has no health check. Not one with no host port: its container's address may be out of reach
     * from the host (Docker Desktop), and a probe that cannot reach must never hold a deploy up.
     */
    boolean probes(String service) {
        ProbeLoop loop = loops.get(service);
        return loop != null && loop.published();
    }

    /**
     * Docker said something of a service: when the container started or turned healthy, probe it
     * at once (and back off from the start again) rather than at the end of a long wait.
     */
    void dockerSaid(ServiceHealth seen) {
        ProbeLoop loop = loops.get(seen.service());
        if (loop != null && (seen.state() == ServiceState.STARTING || seen.state() == ServiceState.RUNNING
                || seen.state() == ServiceState.HEALTHY)) {
            loop.kick();
        }
    }
}

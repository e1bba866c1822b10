package dev.berth.engine.health;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Probes one service again and again: quickly while it fails (1, 2, 4 … 30 s, so a slow starter
 * is found soon without hammering it), every 30 s once it passes, and at once when Docker says
 * the container started or turned healthy.
 */
final class ProbeLoop {
    /** What the loop needs from its monitor. */
    interface Host {
        boolean closed();

        ServiceState state(String service);

        /** The service's container as last seen, or null when none. */
        String containerId(String service);

        /** Hands a result to the monitor (which applies it on its updates thread). */
        void report(String service, ProbeResult r);
    }

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);
    static final Duration PASSING = Duration.ofSeconds(30);

    private final String service;
    private final ProbeAddress endpoint;
    private final ScheduledExecutorService timers;
    private final HttpProber prober;
    private final Host host;
    private Duration failDelay = FIRST;
    private java.util.concurrent.ScheduledFuture<?> next;
    private boolean running;

    ProbeLoop(String service, ProbeAddress endpoint, ScheduledExecutorService timers, HttpProber prober, Host host) {
        this.service = service;
        this.endpoint = endpoint;
        this.timers = timers;
        this.prober = prober;
        this.host = host;
    }

    boolean published() {
        return endpoint.published();
    }

    synchronized void kick() {
        failDelay = FIRST;
        schedule(Duration.ZERO);
    }

    private synchronized void schedule(Duration delay) {
        if (host.closed()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        try {
            next = timers.schedule(() -> Thread.ofVirtual().name("berth-probe-" + service).start(this::run),
                    delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void run() {
        synchronized (this) {
            if (running || host.closed()) {
                return;
            }
            running = true;
        }
        try {
            ServiceState state = host.state(service);
            if (state != ServiceState.STARTING && state != ServiceState.RUNNING && state != ServiceState.HEALTHY
                    && state != ServiceState.UNHEALTHY) {
                // Nothing runs to answer; the start event will kick us.
                schedule(PASSING);
                return;
            }
            ProbeResult r = prober.probe(endpoint, host.containerId(service));
            host.report(service, r);
            synchronized (this) {
                if (r.ok()) {
                    failDelay = FIRST;
                    schedule(PASSING);
                } else {
                    Duration d = failDelay;
                    Duration doubled = failDelay.multipliedBy(2);
                    failDelay = doubled.compareTo(MAX) > 0 ? MAX : doubled;
                    schedule(d);
                }
            }
        } finally {
            synchronized (this) {
                running = false;
            }
        }
    }
}

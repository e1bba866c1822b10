package dev.berth.engine.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a {@link HealthMonitor} knows of each service: changed on its updates thread only, read
 * from anywhere. Each change is told to the listeners, then to whoever waits for services to be up.
 */
final class KnownHealth {
    private final Map<String, ServiceHealth> current = new ConcurrentHashMap<>();
    private final List<Consumer<ServiceHealth>> listeners = new CopyOnWriteArrayList<>();
    /** Guards waiting in {@link #await}; notified on every change. */
    private final Object changed = new Object();

    void addListener(Consumer<ServiceHealth> listener) {
        listeners.add(listener);
    }

    /** Live and read-only, for the mapping to compare with. */
    Map<String, ServiceHealth> view() {
        return Collections.unmodifiableMap(current);
    }

    ServiceHealth get(String service) {
        ServiceHealth h = current.get(service);
        return h != null ? h : ServiceHealth.missing(service, Instant.now());
    }

    /** Records what Docker said of a service and publishes it, unless it changes nothing. */
    void apply(ServiceHealth seen) {
        ServiceHealthMapping.next(current.get(seen.service()), seen).ifPresent(this::publish);
    }

    /** A probe's result joins the service's health; only a flip between pass and fail is news. */
    void recordProbe(String service, ProbeResult r) {
        ServiceHealth before = get(service);
        ServiceHealth after = before.withProbe(r);
        if (before.probe() == null || before.probe().ok() != r.ok()) {
            publish(after);
        } else {
            current.put(service, after); // same verdict: keep it fresh, no news for listeners
        }
    }

    private void publish(ServiceHealth h) {
        current.put(h.service(), h);
        for (Consumer<ServiceHealth> l : listeners) {
            try {
                l.accept(h);
            } catch (RuntimeException e) {
                // one faulty listener must not stop the others or the monitor
            }
        }
        // Waiters last: when awaitAllHealthy returns, every listener has had the news (the CLI's
        // "healthy" line is printed before the deploy moves on).
        wakeWaiters();
    }

    /** Wakes whoever waits, to look again (also when the monitor closes). */
    void wakeWaiters() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /**
     * Blocks until every listed service is {@code up}.
     *
     * @return the services' health at that moment, by name in order
     * @throws NotHealthyException at the time limit, or once {@code stopped}, naming each service not up
     */
    Map<String, ServiceHealth> await(Duration timeout, Set<String> services, Predicate<ServiceHealth> up,
                                     BooleanSupplier stopped) throws NotHealthyException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                Map<String, ServiceHealth> all = new LinkedHashMap<>();
                Map<String, ServiceHealth> notUp = new LinkedHashMap<>();
                for (String s : services.stream().sorted().toList()) {
                    ServiceHealth h = get(s);
                    all.put(s, h);
                    if (!up.test(h)) {
                        notUp.put(s, h);
                    }
                }
                if (notUp.isEmpty()) {
                    return all;
                }
                if (stopped.getAsBoolean()) {
                    throw new NotHealthyException("Stopped waiting (monitor closed)", notUp);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new NotHealthyException("Not up after " + timeout.toSeconds() + " s", notUp);
                }
                TimeUnit.NANOSECONDS.timedWait(changed, left);
            }
        }
    }
}

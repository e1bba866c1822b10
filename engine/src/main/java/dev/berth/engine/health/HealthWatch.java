package dev.berth.engine.health;

import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A project's services followed live, for {@code berth status --watch}: each service as it is
 * now, then each change the engine's events (start, stop, die, health) or a health probe bring,
 * until cancelled. It is the deploy's {@link HealthMonitor}, so a dropped event stream (an SSH
 * connection that broke) is followed again without the person noticing.
 */
public final class HealthWatch {
    /** How often the watch looks whether it was cancelled. */
    private static final Duration CANCEL_CHECK = Duration.ofMillis(200);

    private HealthWatch() {
    }

    /**
     * @param web   the services that answer HTTP, with their published port and health path
     * @param rows  gets each service as it is now, then each change, on this thread; never the same verdict twice in a row
     * @throws TargetException when the target's engine cannot be reached
     */
    public static void follow(Target target, String project, Map<String, ProbeAddress> web,
                              Consumer<ServiceHealth> rows, BooleanSupplier cancelled)
            throws TargetException, InterruptedException {
        BlockingQueue<ServiceHealth> changes = new LinkedBlockingQueue<>();
        Map<String, ServiceHealth> shown = new HashMap<>();
        try (HealthMonitor monitor = HealthMonitor.start(target, project, web)) {
            // Listening before reading what is known: a change in between is then seen twice, never missed.
            monitor.addListener(changes::add);
            monitor.current().values().stream().sorted(java.util.Comparator.comparing(ServiceHealth::service))
                    .forEach(h -> show(h, shown, rows));
            while (!cancelled.getAsBoolean()) {
                ServiceHealth h = changes.poll(CANCEL_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                if (h != null) {
                    show(h, shown, rows);
                }
            }
        }
    }

    private static void show(ServiceHealth h, Map<String, ServiceHealth> shown, Consumer<ServiceHealth> rows) {
        ServiceHealth before = shown.put(h.service(), h);
        if (before == null || !sameVerdict(before, h)) {
            rows.accept(h);
        }
    }

    private static boolean sameVerdict(ServiceHealth a, ServiceHealth b) {
        return a.state() == b.state() && a.detail().equals(b.detail()) && Objects.equals(a.containerId(), b.containerId())
                && a.lastProbe().map(ProbeResult::ok).equals(b.lastProbe().map(ProbeResult::ok));
    }
}

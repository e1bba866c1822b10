package dev.berth.catalog;

import java.util.List;

/**
 * How Docker tells whether a service is healthy.
 *
 * @param builtin     the image ships its own HEALTHCHECK; nothing is emitted, but dependents may
 *                    still wait for {@code service_healthy}
 * @param test        the Compose {@code healthcheck.test} list (e.g. {@code [CMD-SHELL, "curl -fsS ..."]})
 * @param interval    Compose duration, e.g. {@code 30s}
 * @param timeout     Compose duration
 * @param retries     attempts before unhealthy
 * @param startPeriod grace time after start, Compose duration
 */
public record Healthcheck(boolean builtin, List<String> test, String interval, String timeout,
                          Integer retries, String startPeriod) {
    public Healthcheck {
        test = test == null ? List.of() : List.copyOf(test);
    }

    /** Whether Docker will report a health status for this service at all. */
    public boolean reportsHealth() {
        return builtin || !test.isEmpty();
    }
}

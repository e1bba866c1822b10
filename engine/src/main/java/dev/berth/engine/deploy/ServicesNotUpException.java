package dev.berth.engine.deploy;

import dev.berth.engine.health.ServiceHealth;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The deploy's wait for health ran out: names each service not up with where it is
 * ("jellyfin: unhealthy (…)"). The full report, with log tails, is {@link #report()}.
 */
public final class ServicesNotUpException extends Exception {
    private final transient Map<String, ServiceHealth> notUp;
    private final transient DeployReport report;

    ServicesNotUpException(String why, Map<String, ServiceHealth> notUp, DeployReport report) {
        super(why + ": " + notUp.values().stream().map(ServiceHealth::summary).collect(Collectors.joining("; ")));
        this.notUp = Map.copyOf(notUp);
        this.report = report;
    }

    /** The services that were not up, by name. */
    public Map<String, ServiceHealth> notUp() {
        return notUp;
    }

    public DeployReport report() {
        return report;
    }
}

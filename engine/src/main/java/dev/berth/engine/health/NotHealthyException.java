package dev.berth.engine.health;

import java.util.Map;
import java.util.stream.Collectors;

/** {@link HealthMonitor#awaitAllHealthy} ran out of time: names each service that is not up, and where it is. */
public final class NotHealthyException extends Exception {
    private final transient Map<String, ServiceHealth> notUp;

    NotHealthyException(String why, Map<String, ServiceHealth> notUp) {
        super(why + ": " + notUp.values().stream().map(ServiceHealth::summary).collect(Collectors.joining("; ")));
        this.notUp = Map.copyOf(notUp);
    }

    /** The services that are not up, by name. */
    public Map<String, ServiceHealth> notUp() {
        return notUp;
    }
}

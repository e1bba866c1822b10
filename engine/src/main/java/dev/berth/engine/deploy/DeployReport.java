package dev.berth.engine.deploy;

import dev.berth.engine.health.ServiceState;
import java.util.List;

/**
 * What a deploy ended with, per service, for the person: where each service is, where to open it,
 * and for a service that did not come up the last lines it printed.
 *
 * @param services every planned service, in the plan's order
 */
public record DeployReport(List<ServiceReport> services) {
    public DeployReport {
        services = List.copyOf(services);
    }

    /**
     * One service.
     *
     * @param service the Compose service name
     * @param state   where it was when the wait ended
     * @param detail  e.g. "exit code 1", the last health check output, or a failed probe; may be empty
     * @param url     where the person opens it ({@code http://host:port/}), or null without a published web port
     * @param logTail the last {@value dev.berth.engine.health.HealthMonitor#LOG_TAIL} lines it printed when it
     *                did not come up, else empty
     * @param up      whether the deploy counted it as up (healthy, or running and answering its health path)
     */
    public record ServiceReport(String service, ServiceState state, String detail, String url, List<String> logTail,
                                boolean up) {
        public ServiceReport {
            detail = detail == null ? "" : detail;
            logTail = logTail == null ? List.of() : List.copyOf(logTail);
        }
    }

    /** Every service came up. */
    public boolean ok() {
        return services.stream().allMatch(ServiceReport::up);
    }

    public java.util.Optional<ServiceReport> service(String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst();
    }
}

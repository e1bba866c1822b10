package dev.berth.engine.deploy;

import java.util.Map;

/**
 * How a multi-host deploy went (issue 17).
 *
 * @param result the one result across hosts (a failure on any host is a rollback of all)
 * @param hosts  host name → that host's outcome (its report per service, log, wiring)
 */
public record ClusterOutcome(DeploymentResult result, Map<String, DeployOutcome> hosts) {
    public ClusterOutcome {
        hosts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hosts));
    }
}

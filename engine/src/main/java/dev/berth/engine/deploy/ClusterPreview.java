package dev.berth.engine.deploy;

import dev.berth.plan.HostLayout;
import dev.berth.plan.StackPlan;
import java.util.Map;

/**
 * What a multi-host deploy would do (issue 17).
 *
 * @param plan   the whole stack's plan
 * @param layout where each service runs and why
 * @param hosts  host name → that host's preview (its diff, service changes and jobs), in {@code layout.hosts()} order
 */
public record ClusterPreview(StackPlan plan, HostLayout layout, Map<String, DeployPreview> hosts) {
    public ClusterPreview {
        hosts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hosts));
    }
}

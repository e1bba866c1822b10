package dev.berth.engine.health;

import java.time.Instant;
import java.util.Optional;

/**
 * What the monitor knows of one service at one moment.
 *
 * @param service     the Compose service name (from the container's label, never its name)
 * @param state       where it is
 * @param since       when it got there, by the engine's clock when an event told us
 * @param detail      e.g. "exit code 1", or the last health check output; empty when nothing to say
 * @param probe       the latest HTTP probe from the target, or null when none ran (yet)
 * @param containerId the container it was seen in, or null when {@link ServiceState#MISSING}
 */
public record ServiceHealth(String service, ServiceState state, Instant since, String detail, ProbeResult probe,
                            String containerId) {

    public ServiceHealth {
        detail = detail == null ? "" : detail;
    }

    static ServiceHealth missing(String service, Instant now) {
        return new ServiceHealth(service, ServiceState.MISSING, now, "", null, null);
    }

    public Optional<ProbeResult> lastProbe() {
        return Optional.ofNullable(probe);
    }

    /** Its web page answered the latest probe of this container's start (older ones are dropped). */
    public boolean answers() {
        return probe != null && probe.ok();
    }

    /** Its state as a person reads it: see {@link ServiceState#label}. */
    public String label() {
        return state.label(answers());
    }

    ServiceHealth withProbe(ProbeResult p) {
        return new ServiceHealth(service, state, since, detail, p, containerId);
    }

    /** For messages: "sonarr: unhealthy (exit code 1)". */
    public String summary() {
        String s = service + ": " + state.name().toLowerCase(java.util.Locale.ROOT);
        if (!detail.isBlank()) {
            s += " (" + detail.strip() + ")";
        }
        if (probe != null && !probe.ok()) {
            s += ", probe of " + probe.url() + " failed" + (probe.detail().isBlank() ? "" : ": " + probe.detail().strip());
        }
        return s;
    }
}

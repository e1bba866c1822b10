package dev.berth.catalog;

import java.util.List;

/**
 * Something a service cannot work without, satisfied by any one of {@code anyOf}: each entry is a
 * service id or a capability that services {@code provide}.
 *
 * @param anyOf          service ids or capabilities, any one of which satisfies the requirement
 * @param prefer         the service added when none is chosen (defaults to the first service id in anyOf)
 * @param reason         why, in words a newcomer understands; shown when the service is added
 * @param waitForHealthy the service fails at start unless the other already answers (Authelia
 *                       without Redis), so it starts only once that one is healthy
 *                       ({@code service_healthy}); otherwise it starts as soon as the other has
 *                       started, and every wait for a health check is one a first deploy pays
 */
public record Requirement(List<String> anyOf, String prefer, String reason, Boolean waitForHealthy) {
    public Requirement {
        // Optional in the YAML: left out means started is enough.
        waitForHealthy = Boolean.TRUE.equals(waitForHealthy);
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
    }

    public Requirement(List<String> anyOf, String prefer, String reason) {
        this(anyOf, prefer, reason, false);
    }
}

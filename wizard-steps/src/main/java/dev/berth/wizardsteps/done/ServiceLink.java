package dev.berth.wizardsteps.done;

import java.util.Objects;

/**
 * One service of the running stack on the Done page: where to open it and how to sign in.
 *
 * @param name     the name a person knows, e.g. Jellyfin
 * @param url      where to open it, or null for a service without a web page (it works in the background)
 * @param handOver how to sign in, or what is left to do and why; {@link HandOver#ADDRESS_ONLY} without a page
 */
public record ServiceLink(String name, String url, HandOver handOver) {
    public ServiceLink {
        Objects.requireNonNull(handOver);
    }

    public boolean hasPage() {
        return url != null;
    }
}

package dev.berth.engine.wire;

import java.util.Map;
import java.util.TreeMap;

/**
 * What Berth itself last set in each app, kept in the stack folder between runs, so a re-run can
 * tell its own entries from the person's: an entry whose settings still match what Berth last
 * set is Berth's to update or remove; one the person changed since, or made by hand, is left
 * alone. Holds fingerprints of the settings Berth set, never a password or key.
 *
 * @param apps service name → entry key ({@code downloadclient:qBittorrent}, {@code rootfolder:/data/media/tv},
 *             {@code tag:flaresolverr}, {@code signin}) → fingerprint of the non-secret settings Berth set
 */
public record WiringMemory(Map<String, Map<String, String>> apps) {
    public static final WiringMemory EMPTY = new WiringMemory(Map.of());

    public WiringMemory {
        TreeMap<String, Map<String, String>> copy = new TreeMap<>();
        apps.forEach((service, entries) -> copy.put(service, Map.copyOf(new TreeMap<>(entries))));
        apps = java.util.Collections.unmodifiableMap(copy);
    }

    /** One app's entries; empty when Berth never wired it. */
    public Map<String, String> of(String service) {
        return apps.getOrDefault(service, Map.of());
    }

    /** This memory with one app's entries replaced. */
    public WiringMemory with(String service, Map<String, String> entries) {
        TreeMap<String, Map<String, String>> copy = new TreeMap<>(apps);
        copy.put(service, entries);
        return new WiringMemory(copy);
    }
}

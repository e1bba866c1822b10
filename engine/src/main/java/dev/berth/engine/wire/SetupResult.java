package dev.berth.engine.wire;

import java.util.List;
import java.util.Map;

/**
 * What one {@link AppSetup} did.
 *
 * @param links       its rows of the Links table ("Jellyfin → first run", "Seerr → Sonarr")
 * @param writes      write requests sent (0 when everything was already as wanted)
 * @param memory      what Berth set in the app now, to keep for the next run (fingerprints, never a secret)
 * @param madeSecrets secrets the app made and Berth keeps in {@code secrets/} (Jellyfin's API key
 *                    for Homepage): by name; empty when none is new
 * @param credentials sign-ins made by this run to hand over (the media server's admin)
 */
public record SetupResult(List<Link> links, int writes, Map<String, String> memory, Map<String, String> madeSecrets,
                          List<Credential> credentials) {
    public SetupResult {
        links = List.copyOf(links);
        memory = Map.copyOf(memory);
        madeSecrets = Map.copyOf(madeSecrets);
        credentials = List.copyOf(credentials);
    }

    /** Only links: nothing written, remembered or made. */
    public static SetupResult of(List<Link> links, Map<String, String> memory) {
        return new SetupResult(links, 0, memory, Map.of(), List.of());
    }

    @Override
    public String toString() {
        return "SetupResult[" + links.size() + " links, " + writes + " writes, secrets " + madeSecrets.keySet() + "]";
    }
}

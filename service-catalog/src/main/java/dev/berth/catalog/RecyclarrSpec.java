package dev.berth.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Recyclarr keeps this app's quality settings in line with the TRaSH guides. Recyclarr serves only
 * Sonarr and Radarr (its configuration has no other section), so only their entries have one.
 *
 * @param section           the kind of app, as Recyclarr's configuration names it ({@code sonarr})
 * @param instance          the name of Berth's one instance of it ({@code tv}); its key is
 *                          {@code <instance>_api_key} in Recyclarr's secrets.yml
 * @param profiles          the TRaSH profiles the Apps screen offers for this app, the default first
 * @param qualityDefinition TRaSH's file sizes per quality Recyclarr sets ({@code quality_definition.type}:
 *                          {@code series}, {@code movie})
 */
public record RecyclarrSpec(String section, String instance, List<QualityProfileSpec> profiles, String qualityDefinition) {
    public RecyclarrSpec {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    /** The profile chosen by key, or the default (the first) when the key is null. */
    public Optional<QualityProfileSpec> profile(String key) {
        if (key == null) {
            return profiles.stream().findFirst();
        }
        return profiles.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** The keys the catalog offers, the default first: for messages that list the choices. */
    public List<String> profileKeys() {
        return profiles.stream().map(QualityProfileSpec::key).toList();
    }
}

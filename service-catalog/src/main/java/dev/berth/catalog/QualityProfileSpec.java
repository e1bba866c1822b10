package dev.berth.catalog;

import java.util.List;

/**
 * One TRaSH quality profile Recyclarr can keep in an app, as the Apps screen offers it.
 *
 * @param key         what the answers name it by ({@code qualityProfiles.sonarr: web-1080p})
 * @param name        what the person reads ("WEB 1080p")
 * @param description one sentence on whom it suits
 * @param templates   the Recyclarr config templates it includes (quality definition, profile, custom formats)
 */
public record QualityProfileSpec(String key, String name, String description, List<String> templates) {
    public QualityProfileSpec {
        templates = templates == null ? List.of() : List.copyOf(templates);
    }
}

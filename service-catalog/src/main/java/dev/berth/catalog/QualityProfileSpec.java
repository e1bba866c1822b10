package dev.berth.catalog;

import java.util.List;

/**
 * One TRaSH quality profile Recyclarr keeps in an app, as the Apps screen offers it. Recyclarr 8
 * syncs a TRaSH profile by its {@code trash_id} (its qualities, custom formats and scores come from
 * the guide) together with the custom format groups its config template adds; the names and ids
 * here are those of the template in recyclarr/config-templates (branch v8, which Recyclarr 8 reads).
 *
 * @param key                what the answers name it by ({@code media.qualityProfiles.sonarr: web-1080p})
 * @param name               what the person reads ("WEB 1080p")
 * @param description        one sentence on whom it suits
 * @param templates          the Recyclarr config template this profile follows, by its id in the
 *                           templates list ({@code web-1080p}); Berth renders what that template sets
 * @param trashId            the TRaSH guide's id of the quality profile ({@code quality_profiles[].trash_id})
 * @param customFormatGroups the custom format groups the template adds to the guide's defaults
 */
public record QualityProfileSpec(String key, String name, String description, List<String> templates,
                                 String trashId, List<CustomFormatGroupSpec> customFormatGroups) {
    public QualityProfileSpec {
        templates = templates == null ? List.of() : List.copyOf(templates);
        customFormatGroups = customFormatGroups == null ? List.of() : List.copyOf(customFormatGroups);
    }
}

package dev.berth.catalog;

/**
 * Recyclarr keeps this app's quality settings in line with the TRaSH guides.
 *
 * @param section  the kind of app, as Recyclarr's configuration names it ({@code sonarr})
 * @param instance the name of Berth's one instance of it ({@code tv}); its key is
 *                 {@code <instance>_api_key} in Recyclarr's secrets.yml
 */
public record RecyclarrSpec(String section, String instance) {
}

package dev.berth.catalog;

/**
 * How Berth sets the app up through its own API once it runs, beyond the *arr apps' download
 * clients and root folders: a media server's first run and libraries, Seerr's connection to the
 * media server and to Sonarr/Radarr, Bazarr's connection and language profile.
 *
 * @param kind names the engine's code that speaks this app's API ({@code jellyfin}, {@code emby},
 *             {@code plex}, {@code seerr}, {@code bazarr}); two apps with the same first-run API
 *             share a kind. The engine refuses a kind it does not know, naming the file.
 */
public record SetupSpec(String kind) {
}

package dev.berth.catalog;

import java.util.Map;

/**
 * How Berth sets the app up through its own API once it runs, beyond the *arr apps' download
 * clients and root folders: a media server's first run and libraries, Seerr's connection to the
 * media server and to Sonarr/Radarr, Bazarr's connection and language profile.
 *
 * @param kind      names the engine's code that speaks this app's API ({@code jellyfin}, {@code emby},
 *                  {@code plex}, {@code seerr}, {@code bazarr}); two apps with the same first-run API
 *                  share a kind. The engine refuses a kind it does not know, naming the file.
 * @param libraries for a media server: the library it gets for each *arr app's {@code library.category}
 *                  chosen, in its own API's words (Plex's type, agent and scanner); a category missing
 *                  here gets no library. Empty for other apps.
 */
public record SetupSpec(String kind, Map<String, ServerLibrarySpec> libraries) {
    public SetupSpec {
        libraries = libraries == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(libraries));
    }

    /** An app set up without libraries. */
    public SetupSpec(String kind) {
        this(kind, Map.of());
    }
}

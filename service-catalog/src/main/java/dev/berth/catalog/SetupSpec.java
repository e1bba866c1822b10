package dev.berth.catalog;

import java.util.List;
import java.util.Map;

/**
 * How Berth sets the app up through its own API once it runs, beyond the *arr apps' download
 * clients and root folders: a media server's first run and libraries, Seerr's connection to the
 * media server and to Sonarr/Radarr, Bazarr's connection and language profile.
 *
 * @param kind             names the engine's code that speaks this app's API ({@code jellyfin}, {@code emby},
 *                         {@code plex}, {@code seerr}, {@code bazarr}); two apps with the same first-run API
 *                         share a kind. The engine refuses a kind it does not know, naming the file.
 * @param libraries        for a media server: the library it gets for each *arr app's {@code library.category}
 *                         chosen, in its own API's words (Plex's type, agent and scanner); a category missing
 *                         here gets no library. Empty for other apps.
 * @param defaultLibraries for a media server: the kinds of media ({@code library.category} values such as
 *                         {@code movies}, {@code tv}) it gets a folder under {@code /data/media} and a library
 *                         for when no *arr app is chosen, for files the person puts there by hand. With an
 *                         *arr app chosen the apps' kinds decide instead. Empty: none.
 */
public record SetupSpec(String kind, Map<String, ServerLibrarySpec> libraries, List<String> defaultLibraries) {
    public SetupSpec {
        libraries = libraries == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(libraries));
        // Kept as written, nulls included, so the catalog check can name a blank entry instead of failing to load.
        defaultLibraries = defaultLibraries == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(defaultLibraries));
    }

    /** An app set up without libraries. */
    public SetupSpec(String kind) {
        this(kind, Map.of(), List.of());
    }
}

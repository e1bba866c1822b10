package dev.berth.catalog;

/**
 * How a media server's API names one library Berth adds for an *arr app: a library of the app's
 * {@code library.category} ({@code movies}, {@code tv}, {@code music}) on that category's folder
 * under {@code /data/media}.
 *
 * @param name    the library's name as the person sees it ("Movies")
 * @param type    the server's kind of library (Plex: {@code movie}, {@code show}, {@code artist})
 * @param agent   the metadata agent it uses (Plex: {@code tv.plex.agents.movie}); null: the server's default
 * @param scanner the scanner that finds the files (Plex: {@code Plex Movie}); null: the server's default
 */
public record ServerLibrarySpec(String name, String type, String agent, String scanner) {
}

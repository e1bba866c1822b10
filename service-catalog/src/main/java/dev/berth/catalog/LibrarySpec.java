package dev.berth.catalog;

/**
 * The library an *arr app manages: the download category it asks download clients to file its
 * downloads under, and the folder under {@code /data/media} (TRaSH's layout) it files them into.
 * Berth gives each chosen download client one category per such app, and each app its root
 * folder and its download clients.
 *
 * @param category      the download category and the library's folder name ({@code tv}, {@code movies}, {@code music})
 * @param categoryField the download-client settings field that carries the category in this app's API
 *                      ({@code tvCategory} in Sonarr, {@code movieCategory} in Radarr, {@code musicCategory} in Lidarr)
 */
public record LibrarySpec(String category, String categoryField) {
    /** Where the app files its library: {@code /data/media/<category>}, inside the container. */
    public String rootFolder() {
        return "/data/media/" + category;
    }
}

package dev.berth.catalog;

import java.util.Map;

/**
 * The library an *arr app manages: the download category it asks download clients to file its
 * downloads under, and the folder under {@code /data/media} (TRaSH's layout) it files them into.
 * Berth gives each chosen download client one category per such app, and each app its root
 * folder and its download clients.
 *
 * @param category              the download category and the library's folder name ({@code tv}, {@code movies}, {@code music})
 * @param categoryField         the download-client settings field that carries the category in this app's API
 *                              ({@code tvCategory} in Sonarr, {@code movieCategory} in Radarr, {@code musicCategory} in Lidarr)
 * @param prowlarrApplication   the application implementation Prowlarr adds this app as ({@code Sonarr}); null:
 *                              Prowlarr does not know the app
 * @param rootFolderProperties  what the app needs besides the path to make a root folder (Lidarr: a name and its
 *                              default profiles); empty for apps that take the path alone
 * @param mediaServerLibrary    the library a media server shows for this folder ({@code Shows}, of type
 *                              {@code tvshows}); null: the media servers get none for it
 */
public record LibrarySpec(String category, String categoryField, String prowlarrApplication,
                          Map<String, Object> rootFolderProperties, MediaServerLibrary mediaServerLibrary) {
    public LibrarySpec {
        rootFolderProperties = rootFolderProperties == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rootFolderProperties));
    }

    /** Where the app files its library: {@code /data/media/<category>}, inside the container. */
    public String rootFolder() {
        return folderOf(category);
    }

    /** The library folder of a kind of media ({@code movies} → {@code /data/media/movies}), inside the containers. */
    public static String folderOf(String category) {
        return "/data/media/" + category;
    }

    /**
     * A library of the media server (Jellyfin, Emby) over an *arr app's folder.
     *
     * @param name what the person sees in the media server ("Movies", "Shows", "Music")
     * @param type the media server's collection type, as Jellyfin's and Emby's APIs name it
     *             ({@code movies}, {@code tvshows}, {@code music}): it decides which metadata the server looks up
     */
    public record MediaServerLibrary(String name, String type) {
    }
}

package dev.berth.catalog;

/**
 * One settings file of a download client that Berth fills in before the client first starts.
 *
 * @param path      where the file is inside the app's {@code /config} folder ({@code qBittorrent/qBittorrent.conf})
 * @param format    the name of the file format Berth merges its keys into ({@code qbittorrent}); each format is
 *                  written in Java, because it knows the client's own file syntax and password hashing
 * @param startFrom the text a file that does not exist yet starts from, before Berth's keys are set: the
 *                  defaults the image copies in itself only when the file is missing, which Berth's file would
 *                  otherwise keep it from doing; null: start from an empty file
 */
public record SettingsFileSpec(String path, String format, String startFrom) {
}

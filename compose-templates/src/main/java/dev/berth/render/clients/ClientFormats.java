package dev.berth.render.clients;

import java.util.Map;
import java.util.TreeMap;

/**
 * The settings-file formats Berth knows, by the name the catalog uses. A new download client
 * whose file has another syntax needs a format here; an *arr-like app needs none.
 */
final class ClientFormats {
    private static final Map<String, SettingsFormat> FORMATS = new TreeMap<>(Map.of(
            "qbittorrent", new QbittorrentConf(),
            "qbittorrent-categories", new QbittorrentCategories(),
            "transmission", new TransmissionSettings(),
            "nzbget", new NzbgetConf(),
            "sabnzbd", new SabnzbdIni()));

    private ClientFormats() {
    }

    /** The format, or a message naming the catalog file and field, and the formats there are. */
    static SettingsFormat named(String name, String service, int index) {
        SettingsFormat format = FORMATS.get(name);
        if (format == null) {
            throw new IllegalStateException("catalog " + service + ".yaml: field 'downloadClient.settingsFiles[" + index
                    + "].format': '" + name + "' is not a settings-file format Berth knows; use one of " + FORMATS.keySet()
                    + ", or write the new format in Java (docs/catalog-format.md says how)");
        }
        return format;
    }
}

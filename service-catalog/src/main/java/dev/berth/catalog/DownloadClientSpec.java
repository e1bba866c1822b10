package dev.berth.catalog;

/**
 * How the *arr apps and Prowlarr talk to this download client, and how Berth signs in to it.
 *
 * @param implementation the provider's name in the *arr apps' API ({@code QBittorrent}, {@code Transmission},
 *                       {@code Nzbget}, {@code Sabnzbd}); its settings contract is this name + {@code Settings}
 * @param protocol       {@code torrent} or {@code usenet}: which folder of the data tree it downloads into
 *                       ({@code /data/torrents}, {@code /data/usenet})
 * @param username       the user the client's web API signs in with; null when it takes an API key only
 * @param passwordSecret the secret holding that user's password (one of the service's generated secrets); null with no user
 * @param urlBase        the path the web API sits under ({@code /transmission/}); null for the root
 * @param settingsFiles  the client's own settings files Berth fills in before its first start; empty: none
 */
public record DownloadClientSpec(String implementation, String protocol, String username, String passwordSecret,
                                 String urlBase, java.util.List<SettingsFileSpec> settingsFiles) {
    public static final String TORRENT = "torrent";
    public static final String USENET = "usenet";

    public DownloadClientSpec {
        settingsFiles = settingsFiles == null ? java.util.List.of() : java.util.List.copyOf(settingsFiles);
    }

    /** The provider's settings contract in the *arr apps: {@code QBittorrentSettings}. */
    public String configContract() {
        return implementation + "Settings";
    }

    /** Where it downloads, inside its container and the *arr apps' ({@code /data/torrents}, {@code /data/usenet}). */
    public String downloadFolder() {
        return "/data/" + (TORRENT.equals(protocol) ? "torrents" : "usenet");
    }
}

package dev.berth.engine.wire;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One entry Berth wants in an app: a provider (download client, Prowlarr application, indexer proxy), a root folder, a tag or the sign-in. */
public sealed interface Wanted {

    /** Which list of the app's API a provider lives in. */
    enum Kind {
        DOWNLOAD_CLIENT("downloadclient"),
        APPLICATION("applications"),
        INDEXER_PROXY("indexerproxy");

        private final String resource;

        Kind(String resource) {
            this.resource = resource;
        }

        /** The path under the API base: {@code downloadclient}, {@code applications}, {@code indexerproxy}. */
        public String resource() {
            return resource;
        }
    }

    /**
     * A provider entry, matched by {@code name}.
     *
     * @param kind           which list
     * @param name           the entry's name in the app, also how Berth finds it again ("qBittorrent")
     * @param implementation e.g. {@code QBittorrent}, {@code Sonarr}, {@code FlareSolverr}
     * @param configContract e.g. {@code QBittorrentSettings}
     * @param fields         the settings Berth sets, by the provider's field name; any other field keeps the app's default
     * @param secretFields   names among {@code fields} the app never returns (it answers {@code ********}): sent, never compared
     * @param properties     top-level properties besides fields ({@code enable}, {@code protocol}, {@code priority},
     *                       {@code syncLevel}, {@code categories}, ...)
     * @param tagLabels      tags the entry carries, by label; applied as the ids of {@link Tag}s made before it
     * @param linkTo         the other end, for the Links table ("qBittorrent", "Radarr")
     */
    record Provider(Kind kind, String name, String implementation, String configContract, Map<String, Object> fields,
                    Set<String> secretFields, Map<String, Object> properties, List<String> tagLabels, String linkTo)
            implements Wanted {
        public Provider {
            fields = Map.copyOf(fields);
            secretFields = Set.copyOf(secretFields);
            properties = Map.copyOf(properties);
            tagLabels = List.copyOf(tagLabels);
        }

        @Override
        public String toString() {
            return "Provider[" + kind + " " + name + " " + implementation + ", fields " + fields.keySet() + "]"; // no values: some are secret
        }
    }

    /**
     * A root folder (the library folder the app files into), matched by path.
     *
     * @param path       inside the container, e.g. {@code /data/media/tv}
     * @param properties anything else the app needs to make one (Lidarr: a name and default profiles)
     */
    record RootFolder(String path, Map<String, Object> properties) implements Wanted {
        public RootFolder {
            properties = Map.copyOf(properties);
        }
    }

    /** A tag, matched by label, made before the providers that carry it. */
    record Tag(String label) implements Wanted {
    }

    /**
     * The app's own sign-in ({@code config/host}): forms with the user Berth made, or "external"
     * when Authelia guards the app and it has no host port.
     *
     * @param method   {@code forms} or {@code external}
     * @param username with forms; else null
     * @param password with forms; else null. Never logged or shown in a diff
     */
    record SignIn(String method, String username, String password) implements Wanted {
        @Override
        public String toString() {
            return "SignIn[" + method + (username == null ? "" : " " + username) + "]";
        }
    }
}

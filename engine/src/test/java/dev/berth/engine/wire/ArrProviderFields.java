package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * The provider settings the test double accepts, by the names the apps give them in {@code fields}
 * (the settings class's property names in camelCase, as their SchemaBuilder names them), read
 * from the apps' own sources at the tags of {@link ArrApp}:
 * <ul>
 *   <li>Sonarr v4.0.15.2941, Radarr v6.0.3.10276, Lidarr v2.13.3.4711, Prowlarr v2.3.0.5236:
 *       {@code src/NzbDrone.Core/Download/Clients/QBittorrent/QBittorrentSettings.cs},
 *       {@code .../Transmission/TransmissionSettings.cs}, {@code .../Nzbget/NzbgetSettings.cs},
 *       {@code .../Sabnzbd/SabnzbdSettings.cs};</li>
 *   <li>Prowlarr v2.3.0.5236: {@code src/NzbDrone.Core/Applications/Sonarr/SonarrSettings.cs},
 *       {@code .../Radarr/RadarrSettings.cs}, {@code .../Lidarr/LidarrSettings.cs},
 *       {@code src/NzbDrone.Core/IndexerProxies/FlareSolverr/FlareSolverrSettings.cs}.</li>
 * </ul>
 * Secret fields are those marked {@code Privacy = PrivacyLevel.Password} or {@code ApiKey}: the
 * apps answer them as {@code ********} (Sonarr.Http/ClientSchema/SchemaBuilder.cs).
 *
 * @param fields  every field name, in the settings class's order
 * @param secrets the names among them the app masks
 */
record ArrProviderFields(List<String> fields, Set<String> secrets) {

    /** The implementations each app offers for Berth's providers, with their fields. */
    static Map<String, ArrProviderFields> of(ArrApp app, Wanted.Kind kind) {
        return switch (kind) {
            case DOWNLOAD_CLIENT -> downloadClients(app == ArrApp.PROWLARR ? "" : switch (app) {
                case SONARR -> "Tv";
                case RADARR -> "Movie";
                case LIDARR -> "Music";
                case PROWLARR -> "";
            });
            case APPLICATION -> app != ArrApp.PROWLARR ? Map.of() : Map.of(
                    "Sonarr", new ArrProviderFields(List.of("prowlarrUrl", "baseUrl", "apiKey", "syncCategories",
                            "animeSyncCategories", "syncAnimeStandardFormatSearch",
                            "syncRejectBlocklistedTorrentHashesWhileGrabbing"), Set.of("apiKey")),
                    "Radarr", new ArrProviderFields(List.of("prowlarrUrl", "baseUrl", "apiKey", "syncCategories",
                            "syncRejectBlocklistedTorrentHashesWhileGrabbing"), Set.of("apiKey")),
                    "Lidarr", new ArrProviderFields(List.of("prowlarrUrl", "baseUrl", "apiKey", "syncCategories",
                            "syncRejectBlocklistedTorrentHashesWhileGrabbing"), Set.of("apiKey")));
            case INDEXER_PROXY -> app != ArrApp.PROWLARR ? Map.of()
                    : Map.of("FlareSolverr", new ArrProviderFields(List.of("host", "requestTimeout"), Set.of()));
        };
    }

    /**
     * The download clients' fields. Sonarr, Radarr and Lidarr name the category and priorities
     * after their media ({@code tvCategory}, {@code movieCategory}, {@code musicCategory},
     * {@code recentTvPriority}, …); Prowlarr has plain {@code category} and {@code priority}.
     */
    private static Map<String, ArrProviderFields> downloadClients(String media) {
        boolean prowlarr = media.isEmpty();
        String category = prowlarr ? "category" : lower(media) + "Category";
        String imported = lower(media) + "ImportedCategory";
        String directory = prowlarr ? "directory" : lower(media) + "Directory";
        List<String> priorities = prowlarr ? List.of("priority") : List.of("recent" + media + "Priority", "older" + media + "Priority");
        List<String> connection = List.of("host", "port", "useSsl", "urlBase");
        return Map.of(
                "QBittorrent", new ArrProviderFields(concat(connection, List.of("username", "password", category),
                        prowlarr ? List.of() : List.of(imported), priorities,
                        List.of("initialState", "sequentialOrder", "firstAndLast", "contentLayout")), Set.of("password")),
                "Transmission", new ArrProviderFields(concat(connection, List.of("username", "password", category),
                        prowlarr ? List.of(directory) : List.of(imported, directory), priorities, List.of("addPaused")),
                        Set.of("password")),
                "Nzbget", new ArrProviderFields(concat(connection, List.of("username", "password", category), priorities,
                        List.of("addPaused")), Set.of("password")),
                "Sabnzbd", new ArrProviderFields(concat(connection, List.of("apiKey", "username", "password", category),
                        priorities), Set.of("apiKey", "password")));
    }

    /** The C# type of a field's property in those classes, by name (the same name has one type in all of them). */
    static String type(String field) {
        if (BOOLS.contains(field)) {
            return "bool";
        }
        if (INT_LISTS.contains(field)) {
            return "IEnumerable<int>";
        }
        return INTS.contains(field) || field.endsWith("Priority") ? "int" : "string";
    }

    private static final Set<String> BOOLS = Set.of("useSsl", "sequentialOrder", "firstAndLast", "addPaused",
            "syncAnimeStandardFormatSearch", "syncRejectBlocklistedTorrentHashesWhileGrabbing");
    private static final Set<String> INT_LISTS = Set.of("syncCategories", "animeSyncCategories");
    private static final Set<String> INTS = Set.of("port", "priority", "initialState", "contentLayout", "requestTimeout");

    /** Whether a JSON value fits the field's type; a string may be null, as the apps leave unset strings. */
    static boolean fits(String field, JsonNode value) {
        return switch (type(field)) {
            case "bool" -> value.isBoolean();
            case "int" -> value.isIntegralNumber();
            case "IEnumerable<int>" -> value.isArray() && StreamSupport.stream(value.spliterator(), false)
                    .allMatch(JsonNode::isIntegralNumber);
            default -> value.isTextual() || value.isNull();
        };
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    private static String lower(String media) {
        return media.isEmpty() ? "" : Character.toLowerCase(media.charAt(0)) + media.substring(1);
    }
}

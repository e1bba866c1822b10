package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A stand-in for Jellyfin (no image can run here), recorded from its own source: jellyfin/jellyfin
 * at tag v10.11.6 (commit 10662e75e4626be71184db950ce534ab6953be77), the version the catalog pins:
 * <ul>
 *   <li>{@code Jellyfin.Api/Controllers/StartupController.cs} ({@code Startup/Configuration},
 *       {@code Startup/User} — GET makes the first user, POST needs one and refuses an empty password
 *       with 400 "Password must not be empty" —, {@code Startup/RemoteAccess}, {@code Startup/Complete};
 *       policy FirstTimeSetupOrElevated: anyone while the wizard is incomplete, then administrators only,
 *       {@code Auth/FirstTimeSetupPolicy/FirstTimeSetupHandler.cs}), with
 *       {@code Models/StartupDtos/StartupConfigurationDto.cs}, {@code StartupUserDto.cs} and
 *       {@code StartupRemoteAccessDto.cs} (both of its bools [Required]);</li>
 *   <li>{@code SystemController.cs} {@code GET System/Info/Public} ({@code MediaBrowser.Model/System/PublicSystemInfo.cs},
 *       with {@code StartupWizardCompleted});</li>
 *   <li>{@code UserController.cs} {@code POST Users/AuthenticateByName} ({@code Models/UserDtos/AuthenticateUserByName.cs}:
 *       Username, Pw; the session's Client, Device, DeviceId and Version come from the Authorization header and must
 *       not be empty, {@code SessionManager.AuthenticateNewSessionInternal}; a wrong password is an
 *       AuthenticationException, 401 "Invalid username or password entered.");</li>
 *   <li>{@code LibraryStructureController.cs} {@code GET/POST Library/VirtualFolders} (query name, collectionType —
 *       {@code CollectionTypeOptions} —, paths, refreshLibrary; body {@code AddVirtualFolderDto} with
 *       {@code LibraryOptions}, {@code MediaBrowser.Model/Configuration/LibraryOptions.cs}); a folder that does not exist
 *       is refused by {@code LibraryManager.AddVirtualFolder} with an ArgumentException, 400 "The specified path does not
 *       exist: …." (the exception middleware writes the message as plain text);</li>
 *   <li>{@code ApiKeyController.cs} {@code GET/POST Auth/Keys} (query app [Required]; RequiresElevation; POST answers 204
 *       without the key; GET a {@code QueryResult<AuthenticationInfo>});</li>
 *   <li>{@code Jellyfin.Server.Implementations/Security/AuthorizationContext.cs}: the {@code Authorization: MediaBrowser
 *       k="v", …} header, parsed with its GetParts, its Token an API key or a session's.</li>
 * </ul>
 * Stricter than Jellyfin on purpose: a body or query field its DTO does not have, which Jellyfin would silently
 * ignore, is refused with 400 and listed in {@link #refused()}, as is any call outside this list. Answers are
 * PascalCase, as Jellyfin writes them. Counts write requests (every POST but signing in).
 */
final class FakeJellyfin extends MediaServerDouble {
    private static final Set<String> CONFIGURATION = Set.of("ServerName", "UICulture", "MetadataCountryCode", "PreferredMetadataLanguage");
    private static final Set<String> USER = Set.of("Name", "Password");
    private static final Set<String> REMOTE_ACCESS = Set.of("EnableRemoteAccess", "EnableAutomaticPortMapping");
    private static final Set<String> AUTHENTICATE = Set.of("Username", "Pw");
    private static final Set<String> COLLECTION_TYPES = Set.of("movies", "tvshows", "music", "musicvideos", "homevideos", "boxsets",
            "books", "mixed");
    private static final Set<String> LIBRARY_OPTIONS = Set.of("Enabled", "EnablePhotos", "EnableRealtimeMonitor", "EnableLUFSScan",
            "EnableChapterImageExtraction", "ExtractChapterImagesDuringLibraryScan", "EnableTrickplayImageExtraction",
            "ExtractTrickplayImagesDuringLibraryScan", "PathInfos", "SaveLocalMetadata", "EnableInternetProviders",
            "EnableAutomaticSeriesGrouping", "EnableEmbeddedTitles", "EnableEmbeddedExtrasTitles", "EnableEmbeddedEpisodeInfos",
            "AutomaticRefreshIntervalDays", "PreferredMetadataLanguage", "MetadataCountryCode", "SeasonZeroDisplayName",
            "MetadataSavers", "DisabledLocalMetadataReaders", "LocalMetadataReaderOrder", "DisabledSubtitleFetchers",
            "SubtitleFetcherOrder", "DisabledMediaSegmentProviders", "MediaSegmentProviderOrder", "SkipSubtitlesIfEmbeddedSubtitlesPresent",
            "SkipSubtitlesIfAudioTrackMatches", "SubtitleDownloadLanguages", "RequirePerfectSubtitleMatch", "SaveSubtitlesWithMedia",
            "SaveLyricsWithMedia", "SaveTrickplayWithMedia", "DisabledLyricFetchers", "LyricFetcherOrder",
            "PreferNonstandardArtistsTag", "UseCustomTagDelimiters", "CustomTagDelimiters", "DelimiterWhitelist",
            "AutomaticallyAddToCollection", "AllowEmbeddedSubtitles", "TypeOptions");

    private String uiCulture = "en-US";
    private String country = "";
    private String language = "";

    private FakeJellyfin() throws IOException {
        super("0123456789ab");
    }

    static FakeJellyfin start() throws IOException {
        FakeJellyfin fake = new FakeJellyfin();
        fake.listen();
        return fake;
    }

    /** The person did the first run in Jellyfin's own pages, with their own user and a library of their own. */
    synchronized void personDidTheFirstRun(String user, String password, String serverName) {
        users.put(user, password);
        this.serverName = serverName;
        completed = true;
        library("Films", "movies", "/data/media/movies");
    }

    /** Culture, country and language as the wizard set them: "de/DE/de". */
    synchronized String languages() {
        return uiCulture + "/" + country + "/" + language;
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        calls.add(method + " " + path);
        Map<String, String> query = query(ex.getRequestURI());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> auth = authorization(ex.getRequestHeaders().getFirst("Authorization"));
        if (auth == null) {
            refuse(ex, 400, method + " " + path + ": no Authorization: MediaBrowser … header");
            return;
        }
        String route = method + " " + path;
        try {
            switch (route) {
                case "GET /System/Info/Public" -> {
                    noQuery(query, route);
                    answer(ex, 200, JSON.createObjectNode().put("LocalAddress", "http://172.18.0.5:8096").put("ServerName", serverName)
                            .put("Version", "10.11.6").put("ProductName", "Jellyfin Server").put("OperatingSystem", "")
                            .put("Id", "6f1e0a0c0d6b4b7c9f0e5a1d2c3b4a59").put("StartupWizardCompleted", completed));
                }
                case "GET /Startup/Configuration" -> {
                    firstTimeSetupOrElevated(auth);
                    answer(ex, 200, JSON.createObjectNode().put("ServerName", serverName).put("UICulture", uiCulture)
                            .put("MetadataCountryCode", country).put("PreferredMetadataLanguage", language));
                }
                case "POST /Startup/Configuration" -> {
                    firstTimeSetupOrElevated(auth);
                    noQuery(query, route);
                    ObjectNode dto = dto(body, CONFIGURATION, Set.of(), route);
                    writes++;
                    serverName = dto.path("ServerName").asText("");
                    uiCulture = dto.path("UICulture").asText("");
                    country = dto.path("MetadataCountryCode").asText("");
                    language = dto.path("PreferredMetadataLanguage").asText("");
                    answer(ex, 204, null);
                }
                case "GET /Startup/User", "GET /Startup/FirstUser" -> {
                    firstTimeSetupOrElevated(auth);
                    if (users.isEmpty()) {
                        users.put("abc", null); // InitializeAsync makes the first user, named after the process's user
                    }
                    answer(ex, 200, JSON.createObjectNode().put("Name", users.keySet().iterator().next()));
                }
                case "POST /Startup/User" -> {
                    firstTimeSetupOrElevated(auth);
                    noQuery(query, route);
                    ObjectNode dto = dto(body, USER, Set.of(), route);
                    writes++;
                    if (users.isEmpty()) {
                        throw new Answer(500, "Sequence contains no elements"); // Users.First() without GET Startup/User first
                    }
                    String password = dto.path("Password").asText("");
                    if (password.isBlank()) {
                        throw new Answer(400, "\"Password must not be empty\"");
                    }
                    String first = users.keySet().iterator().next();
                    String name = dto.hasNonNull("Name") ? dto.get("Name").asText() : first;
                    users.remove(first);
                    Map<String, String> rest = new LinkedHashMap<>(users);
                    users.clear();
                    users.put(name, password);
                    users.putAll(rest);
                    answer(ex, 204, null);
                }
                case "POST /Startup/RemoteAccess" -> {
                    firstTimeSetupOrElevated(auth);
                    noQuery(query, route);
                    ObjectNode dto = dto(body, REMOTE_ACCESS, REMOTE_ACCESS, route);
                    writes++;
                    remoteAccess = dto.get("EnableRemoteAccess").asBoolean();
                    answer(ex, 204, null);
                }
                case "POST /Startup/Complete" -> {
                    firstTimeSetupOrElevated(auth);
                    noQuery(query, route);
                    writes++;
                    completed = true;
                    answer(ex, 204, null);
                }
                case "POST /Users/AuthenticateByName" -> {
                    noQuery(query, route);
                    for (String part : List.of("Client", "Device", "DeviceId", "Version")) {
                        if (auth.getOrDefault(part, "").isEmpty()) {
                            refused.add(route + ": the Authorization header has no " + part);
                            throw new Answer(400, "Value cannot be null or an empty string. (Parameter '" + part + "')");
                        }
                    }
                    ObjectNode dto = dto(body, AUTHENTICATE, Set.of(), route);
                    String user = dto.path("Username").asText("");
                    String password = dto.path("Pw").asText("");
                    if (!users.containsKey(user) || !password.equals(users.get(user))) {
                        throw new Answer(401, "Invalid username or password entered.");
                    }
                    String token = UUID.randomUUID().toString().replace("-", "");
                    sessions.put(token, user);
                    ObjectNode result = JSON.createObjectNode();
                    result.putObject("User").put("Name", user).put("ServerId", "6f1e0a0c0d6b4b7c9f0e5a1d2c3b4a59");
                    result.putObject("SessionInfo").put("DeviceId", auth.get("DeviceId"));
                    result.put("AccessToken", token).put("ServerId", "6f1e0a0c0d6b4b7c9f0e5a1d2c3b4a59");
                    answer(ex, 200, result);
                }
                case "GET /Library/VirtualFolders" -> {
                    firstTimeSetupOrElevated(auth);
                    noQuery(query, route);
                    ArrayNode all = JSON.createArrayNode();
                    libraries.forEach(all::add);
                    answer(ex, 200, all);
                }
                case "POST /Library/VirtualFolders" -> {
                    firstTimeSetupOrElevated(auth);
                    onlyQuery(query, Set.of("name", "collectionType", "paths", "refreshLibrary"), route);
                    ObjectNode dto = body.isBlank() ? JSON.createObjectNode() : dto(body, Set.of("LibraryOptions"), Set.of(), route);
                    JsonNode options = dto.path("LibraryOptions");
                    if (options.isObject()) {
                        options.properties().forEach(e -> {
                            if (!LIBRARY_OPTIONS.contains(e.getKey())) {
                                refused.add(route + ": LibraryOptions has no property " + e.getKey());
                            }
                        });
                    }
                    String type = query.get("collectionType");
                    if (type != null && !COLLECTION_TYPES.contains(type)) {
                        refused.add(route + ": collectionType " + type + " is not a CollectionTypeOptions");
                        throw new Answer(400, "The value '" + type + "' is not valid.");
                    }
                    String name = query.get("name");
                    if (name == null || name.isBlank()) {
                        throw new Answer(400, "Value cannot be null. (Parameter 'name')");
                    }
                    writes++;
                    List<String> paths = query.containsKey("paths") ? List.of(query.get("paths").split(",")) : List.of();
                    for (String p : paths) {
                        if (!folders.contains(p)) {
                            throw new Answer(400, "The specified path does not exist: " + p + ".");
                        }
                    }
                    String unique = name;
                    while (libraries().containsKey(unique)) {
                        unique = unique + "1"; // LibraryManager: while the folder exists, another name
                    }
                    library(unique, type, paths.toArray(String[]::new));
                    answer(ex, 204, null);
                }
                case "GET /Auth/Keys" -> {
                    requiresElevation(auth);
                    noQuery(query, route);
                    ObjectNode result = JSON.createObjectNode();
                    ArrayNode items = result.putArray("Items");
                    keys.forEach(items::add);
                    result.put("TotalRecordCount", keys.size()).put("StartIndex", 0);
                    answer(ex, 200, result);
                }
                case "POST /Auth/Keys" -> {
                    requiresElevation(auth);
                    onlyQuery(query, Set.of("app"), route);
                    if (query.getOrDefault("app", "").isEmpty()) {
                        refused.add(route + ": no app");
                        throw new Answer(400, "The app field is required.");
                    }
                    writes++;
                    keys.add(JSON.createObjectNode().put("Id", keys.size() + 1)
                            .put("AccessToken", UUID.randomUUID().toString().replace("-", ""))
                            .put("DeviceId", "").put("AppName", query.get("app")).put("AppVersion", "").put("DeviceName", "")
                            .put("UserId", "00000000000000000000000000000000").put("IsActive", true)
                            .put("DateCreated", "2026-12-05T10:00:0" + keys.size() + ".0000000Z").putNull("DateRevoked")
                            .put("DateLastActivity", "0001-01-01T00:00:00.0000000Z").put("UserName", ""));
                    answer(ex, 204, null);
                }
                default -> refuse(ex, 404, route + " is not a call of Jellyfin's API that Berth should make");
            }
        } catch (Answer a) {
            answer(ex, a);
        }
    }

    private void library(String name, String type, String... paths) {
        ObjectNode l = JSON.createObjectNode().put("Name", name);
        ArrayNode locations = l.putArray("Locations");
        for (String p : paths) {
            locations.add(p);
        }
        l.put("CollectionType", type).put("ItemId", UUID.randomUUID().toString().replace("-", ""));
        l.putObject("LibraryOptions");
        libraries.add(l);
    }

    /** FirstTimeSetupOrElevated: anyone until the wizard is complete, then an administrator's session or an API key. */
    private void firstTimeSetupOrElevated(Map<String, String> auth) throws Answer {
        if (!completed) {
            return;
        }
        requiresElevation(auth);
    }

    private void requiresElevation(Map<String, String> auth) throws Answer {
        String token = auth.get("Token");
        if (token == null || token.isEmpty()) {
            throw new Answer(401, "");
        }
        boolean apiKey = keys.stream().anyMatch(k -> k.path("AccessToken").asText().equals(token));
        String user = sessions.get(token);
        if (!apiKey && user == null) {
            throw new Answer(401, "");
        }
        if (!apiKey && !users.isEmpty() && !users.keySet().iterator().next().equals(user)) {
            throw new Answer(403, "");
        }
    }

    /** AuthorizationContext.GetAuthorization: "MediaBrowser " then its GetParts; null when the scheme is not MediaBrowser. */
    static Map<String, String> authorization(String header) {
        if (header == null) {
            return null;
        }
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("MediaBrowser")) {
            return null;
        }
        String rest = header.substring(space + 1);
        Map<String, String> result = new HashMap<>();
        boolean escaped = false;
        int start = 0;
        String key = "";
        int i;
        for (i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"' || c == ',') {
                escaped = (!escaped) == (c == '"');
                if (c == ',' && !escaped) {
                    if (start < i) {
                        result.put(key, URLDecoder.decode(trimQuotes(rest.substring(start, i)), StandardCharsets.UTF_8));
                        key = "";
                    }
                    start = i + 1;
                }
            } else if (!escaped && c == '=') {
                key = rest.substring(start, i).strip();
                start = i + 1;
            }
        }
        if (start < i) {
            result.put(key, URLDecoder.decode(trimQuotes(rest.substring(start, i)), StandardCharsets.UTF_8));
        }
        return result;
    }

    private static String trimQuotes(String s) {
        return s.replaceAll("^\"+|\"+$", "");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            // ASP.NET binds query names without regard to case.
            String canonical = name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
            out.put(canonical, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}

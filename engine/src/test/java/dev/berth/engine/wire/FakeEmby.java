package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A stand-in for Emby (no image can run here). Where each fact comes from:
 * <ul>
 *   <li>Emby's published OpenAPI, {@code MediaBrowser/Emby.SDK} {@code Resources/OpenApi/openapi_v3.json} (Emby Server
 *       REST API 4.8.11.0, commit 58acc58a708ff284d08c899d5fd15002b0686ace): the {@code /emby} prefix the server answers
 *       under; {@code GET System/Info/Public} ({@code PublicSystemInfo}: LocalAddress, LocalAddresses, WanAddress,
 *       RemoteAddresses, ServerName, Version, Id — no StartupWizardCompleted); {@code POST Users/AuthenticateByName}
 *       ({@code AuthenticateUserByName}: Username, Pw; answers {@code AuthenticationResult}: User, SessionInfo, AccessToken,
 *       ServerId); {@code GET Library/VirtualFolders/Query} (StartIndex, Limit; a {@code QueryResult_VirtualFolderInfo},
 *       for any signed-in user — there is no GET of {@code Library/VirtualFolders}); {@code POST Library/VirtualFolders}
 *       (body only, {@code Library.AddVirtualFolder}: Name, CollectionType, RefreshLibrary, Paths, LibraryOptions, with
 *       {@code LibraryOptions}' properties and {@code MediaPathInfo}; administrators); {@code GET/POST System/Configuration}
 *       ({@code ServerConfiguration}, with ServerName; GET for users, POST the whole of it for administrators — the
 *       double answers a few of its properties and takes back only those); {@code GET/POST Auth/Keys} (query
 *       StartIndex, Limit; App required; administrators); the {@code X-Emby-Authorization} header, {@code Emby
 *       UserId="…", Client="…", Device="…", DeviceId="…", Version="…", Token="…"}, and the {@code X-Emby-Token} header
 *       (securitySchemes).</li>
 *   <li>The startup calls, which that OpenAPI lacks: the last open-source Emby, {@code MediaBrowser/Emby}
 *       {@code MediaBrowser.Api/StartupWizardService.cs} at commit 832807b6260cb510120342ef904cc6c6a6d6d4c9:
 *       {@code Startup/Configuration} (UICulture, MetadataCountryCode, PreferredMetadataLanguage — no ServerName),
 *       {@code GET/POST Startup/User} (Users.First(): the first user exists from the start, and is renamed),
 *       {@code Startup/RemoteAccess} (EnableRemoteAccess, EnableAutomaticPortMapping), {@code Startup/Complete}; the
 *       service is {@code [Authenticated(AllowBeforeStartupWizard = true, Roles = "Admin")]}: anyone while the wizard is
 *       open, then administrators only.</li>
 * </ul>
 * Assumptions (not in those files): that Emby 4.9's {@code POST Startup/User} takes {@code Password} beside
 * {@code Name} (the open-source 3.x DTO had {@code ConnectUserName} instead; 4.x's wizard asks for a password); that
 * {@code GET Auth/Keys} answers a query result of {@code AccessToken}/{@code AppName} as the open-source
 * {@code SessionsService} did (the OpenAPI says "content unknown"); the words of a refused sign-in and of a missing folder;
 * that the header's parts are parsed as Jellyfin's AuthorizationContext (forked from Emby's) does.
 * Stricter than Emby on purpose: a body or query field its DTO does not have is refused with 400 and listed in
 * {@link #refused()}, as is any call outside this list. Counts write requests (every POST but signing in).
 */
final class FakeEmby extends MediaServerDouble {
    private static final String SERVER_ID = "a1b2c3d4e5f6478899aabbccddeeff00";
    private static final Set<String> CONFIGURATION = Set.of("UICulture", "MetadataCountryCode", "PreferredMetadataLanguage");
    private static final Set<String> USER = Set.of("Name", "Password", "ConnectUserName");
    private static final Set<String> REMOTE_ACCESS = Set.of("EnableRemoteAccess", "EnableAutomaticPortMapping");
    private static final Set<String> AUTHENTICATE = Set.of("Username", "Pw");
    private static final Set<String> ADD_VIRTUAL_FOLDER = Set.of("Name", "CollectionType", "RefreshLibrary", "Paths", "LibraryOptions");
    private static final Set<String> PAGING = Set.of("StartIndex", "Limit");
    /** The OpenAPI's {@code LibraryOptions} properties. */
    private static final Set<String> LIBRARY_OPTIONS = Set.of("EnableArchiveMediaFiles", "EnablePhotos", "EnableRealtimeMonitor",
            "EnableMarkerDetection", "EnableMarkerDetectionDuringLibraryScan", "IntroDetectionFingerprintLength",
            "EnableChapterImageExtraction", "ExtractChapterImagesDuringLibraryScan", "DownloadImagesInAdvance", "CacheImages",
            "PathInfos", "IgnoreHiddenFiles", "IgnoreFileExtensions", "SaveLocalMetadata", "SaveMetadataHidden",
            "SaveLocalThumbnailSets", "ImportPlaylists", "EnableAutomaticSeriesGrouping", "ShareEmbeddedMusicAlbumImages",
            "EnableEmbeddedTitles", "EnableAudioResume", "AutoGenerateChapters", "AutomaticRefreshIntervalDays",
            "PlaceholderMetadataRefreshIntervalDays", "PreferredMetadataLanguage", "PreferredImageLanguage", "ContentType",
            "MetadataCountryCode", "MetadataSavers", "DisabledLocalMetadataReaders", "LocalMetadataReaderOrder",
            "DisabledLyricsFetchers", "SaveLyricsWithMedia", "LyricsDownloadMaxAgeDays", "LyricsFetcherOrder",
            "LyricsDownloadLanguages", "DisabledSubtitleFetchers", "SubtitleFetcherOrder", "SkipSubtitlesIfEmbeddedSubtitlesPresent",
            "SkipSubtitlesIfAudioTrackMatches", "SubtitleDownloadLanguages", "SubtitleDownloadMaxAgeDays", "RequirePerfectSubtitleMatch",
            "SaveSubtitlesWithMedia", "ForcedSubtitlesOnly", "HearingImpairedSubtitlesOnly", "TypeOptions",
            "CollapseSingleItemFolders", "EnableAdultMetadata", "ImportCollections", "MinCollectionItems", "MusicFolderStructure",
            "MinResumePct", "MaxResumePct", "MinResumeDurationSeconds", "ThumbnailImagesIntervalSeconds", "SampleIgnoreSize");
    private static final Set<String> MEDIA_PATH_INFO = Set.of("Path", "NetworkPath", "Username", "Password");

    private String languages = "en-US//";

    private FakeEmby() throws IOException {
        super("nas");
        users.put("nas", ""); // the user Emby makes when it first starts, named after the machine, without a password
    }

    static FakeEmby start() throws IOException {
        FakeEmby fake = new FakeEmby();
        fake.listen();
        return fake;
    }

    /** The person did the first run in Emby's own pages, with their own user and a library of their own. */
    synchronized void personDidTheFirstRun(String user, String password, String serverName) {
        users.clear();
        users.put(user, password);
        this.serverName = serverName;
        completed = true;
        library("Filme", "movies", "/data/media/movies");
    }

    /** Culture, country and language as the wizard set them: "de/DE/de". */
    synchronized String languages() {
        return languages;
    }

    @Override
    protected void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        calls.add(method + " " + path);
        if (!path.startsWith("/emby/")) {
            refuse(ex, 404, method + " " + path + ": Emby's API is under /emby");
            return;
        }
        String route = method + " " + path.substring("/emby".length());
        Map<String, String> query = query(ex.getRequestURI());
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> auth = authorization(ex.getRequestHeaders().getFirst("X-Emby-Authorization"));
        if (auth == null) {
            refuse(ex, 400, route + ": no X-Emby-Authorization: Emby … header");
            return;
        }
        String tokenHeader = ex.getRequestHeaders().getFirst("X-Emby-Token");
        if (tokenHeader != null && auth.containsKey("Token") && !tokenHeader.equals(auth.get("Token"))) {
            refuse(ex, 400, route + ": X-Emby-Token and the Token in X-Emby-Authorization differ");
            return;
        }
        String token = tokenHeader != null ? tokenHeader : auth.get("Token");
        try {
            switch (route) {
                case "GET /System/Info/Public" -> {
                    noQuery(query, route);
                    ObjectNode info = JSON.createObjectNode().put("LocalAddress", "http://172.18.0.5:8096");
                    info.putArray("LocalAddresses").add("http://172.18.0.5:8096");
                    info.putArray("RemoteAddresses");
                    answer(ex, 200, info.put("ServerName", serverName).put("Version", "4.9.3.0").put("Id", SERVER_ID));
                }
                case "GET /Startup/Configuration" -> {
                    beforeWizardOrAdmin(token);
                    noQuery(query, route);
                    String[] l = languages.split("/", -1);
                    answer(ex, 200, JSON.createObjectNode().put("UICulture", l[0]).put("MetadataCountryCode", l[1])
                            .put("PreferredMetadataLanguage", l[2]));
                }
                case "POST /Startup/Configuration" -> {
                    beforeWizardOrAdmin(token);
                    noQuery(query, route);
                    ObjectNode dto = dto(body, CONFIGURATION, Set.of(), route);
                    writes++;
                    languages = dto.path("UICulture").asText("") + "/" + dto.path("MetadataCountryCode").asText("") + "/"
                            + dto.path("PreferredMetadataLanguage").asText("");
                    answer(ex, 204, null);
                }
                case "GET /Startup/User" -> {
                    beforeWizardOrAdmin(token);
                    noQuery(query, route);
                    answer(ex, 200, JSON.createObjectNode().put("Name", users.keySet().iterator().next()).putNull("ConnectUserName"));
                }
                case "POST /Startup/User" -> {
                    beforeWizardOrAdmin(token);
                    noQuery(query, route);
                    ObjectNode dto = dto(body, USER, Set.of(), route);
                    writes++;
                    String first = users.keySet().iterator().next();
                    Map<String, String> rest = new LinkedHashMap<>(users);
                    rest.remove(first);
                    users.clear();
                    users.put(dto.path("Name").asText(first), dto.path("Password").asText(""));
                    users.putAll(rest);
                    answer(ex, 200, JSON.createObjectNode().putNull("UserLinkResult"));
                }
                case "POST /Startup/RemoteAccess" -> {
                    beforeWizardOrAdmin(token);
                    noQuery(query, route);
                    ObjectNode dto = dto(body, REMOTE_ACCESS, Set.of(), route);
                    writes++;
                    remoteAccess = dto.path("EnableRemoteAccess").asBoolean(false);
                    answer(ex, 204, null);
                }
                case "POST /Startup/Complete" -> {
                    beforeWizardOrAdmin(token);
                    noQuery(query, route);
                    writes++;
                    completed = true;
                    answer(ex, 204, null);
                }
                case "POST /Users/AuthenticateByName" -> {
                    noQuery(query, route);
                    for (String part : List.of("Client", "Device", "DeviceId", "Version")) {
                        if (auth.getOrDefault(part, "").isEmpty()) {
                            refused.add(route + ": the X-Emby-Authorization header has no " + part);
                            throw new Answer(400, "Client, Device, DeviceId and Version are required");
                        }
                    }
                    ObjectNode dto = dto(body, AUTHENTICATE, Set.of(), route);
                    String user = dto.path("Username").asText("");
                    if (!users.containsKey(user) || !dto.path("Pw").asText("").equals(users.get(user))) {
                        throw new Answer(401, "Invalid username or password entered.");
                    }
                    String session = UUID.randomUUID().toString().replace("-", "");
                    sessions.put(session, user);
                    ObjectNode result = JSON.createObjectNode();
                    result.putObject("User").put("Name", user).put("ServerId", SERVER_ID);
                    result.putObject("SessionInfo").put("DeviceId", auth.get("DeviceId"));
                    answer(ex, 200, result.put("AccessToken", session).put("ServerId", SERVER_ID));
                }
                case "GET /Library/VirtualFolders/Query" -> {
                    user(token);
                    onlyQuery(query, PAGING, route);
                    ObjectNode result = JSON.createObjectNode();
                    ArrayNode items = result.putArray("Items");
                    libraries.forEach(items::add);
                    answer(ex, 200, result.put("TotalRecordCount", libraries.size()));
                }
                case "POST /Library/VirtualFolders" -> {
                    admin(token);
                    noQuery(query, route);
                    ObjectNode dto = dto(body, ADD_VIRTUAL_FOLDER, Set.of(), route);
                    List<String> paths = new ArrayList<>();
                    dto.path("Paths").forEach(p -> paths.add(p.asText()));
                    JsonNode options = dto.path("LibraryOptions");
                    options.properties().forEach(e -> {
                        if (!LIBRARY_OPTIONS.contains(e.getKey())) {
                            refused.add(route + ": LibraryOptions has no property " + e.getKey());
                        }
                    });
                    for (JsonNode info : options.path("PathInfos")) {
                        info.properties().forEach(e -> {
                            if (!MEDIA_PATH_INFO.contains(e.getKey())) {
                                refused.add(route + ": MediaPathInfo has no property " + e.getKey());
                            }
                        });
                        paths.add(info.path("Path").asText());
                    }
                    if (paths.size() != new HashSet<>(paths).size()) {
                        refused.add(route + ": a folder given twice (Paths and LibraryOptions.PathInfos)");
                    }
                    String name = dto.path("Name").asText("");
                    if (name.isBlank()) {
                        throw new Answer(400, "Name is required");
                    }
                    writes++;
                    for (String p : paths) {
                        if (!folders.contains(p)) {
                            throw new Answer(400, "The path does not exist: " + p);
                        }
                    }
                    library(name, dto.path("CollectionType").asText(""), paths.toArray(String[]::new));
                    answer(ex, 204, null);
                }
                case "GET /System/Configuration" -> {
                    user(token);
                    noQuery(query, route);
                    answer(ex, 200, settings());
                }
                case "POST /System/Configuration" -> {
                    admin(token);
                    noQuery(query, route);
                    Set<String> known = new HashSet<>();
                    settings().fieldNames().forEachRemaining(known::add);
                    ObjectNode dto = dto(body, known, Set.of(), route);
                    writes++;
                    serverName = dto.path("ServerName").asText(serverName);
                    answer(ex, 204, null);
                }
                case "GET /Auth/Keys" -> {
                    admin(token);
                    onlyQuery(query, PAGING, route);
                    ObjectNode result = JSON.createObjectNode();
                    ArrayNode items = result.putArray("Items");
                    keys.forEach(items::add);
                    answer(ex, 200, result.put("TotalRecordCount", keys.size()));
                }
                case "POST /Auth/Keys" -> {
                    admin(token);
                    onlyQuery(query, Set.of("App"), route);
                    if (query.getOrDefault("App", "").isEmpty()) {
                        refused.add(route + ": no App");
                        throw new Answer(400, "App is required");
                    }
                    writes++;
                    keys.add(JSON.createObjectNode().put("AccessToken", UUID.randomUUID().toString().replace("-", ""))
                            .put("AppName", query.get("App")).put("DateCreated", "2026-12-05T10:00:0" + keys.size() + ".0000000Z"));
                    answer(ex, 204, null);
                }
                default -> refuse(ex, 404, route + " is not a call of Emby's API that Berth should make");
            }
        } catch (Answer a) {
            answer(ex, a);
        }
    }

    /** A few of ServerConfiguration's properties, as Emby keeps them. */
    private ObjectNode settings() {
        String[] l = languages.split("/", -1);
        return JSON.createObjectNode().put("ServerName", serverName).put("UICulture", l[0]).put("MetadataCountryCode", l[1])
                .put("PreferredMetadataLanguage", l[2]).put("EnableUPnP", false).put("PublicPort", 8096).put("HttpServerPortNumber", 8096)
                .put("IsStartupWizardCompleted", completed).put("LogFileRetentionDays", 3);
    }

    private void library(String name, String type, String... paths) {
        ObjectNode l = JSON.createObjectNode().put("Name", name);
        ArrayNode locations = l.putArray("Locations");
        for (String p : paths) {
            locations.add(p);
        }
        l.put("CollectionType", type).put("ItemId", String.valueOf(libraries.size() + 3)).put("Id", String.valueOf(libraries.size() + 3));
        l.putObject("LibraryOptions");
        libraries.add(l);
    }

    /** AllowBeforeStartupWizard with Roles = "Admin": anyone while the wizard is open, then administrators. */
    private void beforeWizardOrAdmin(String token) throws Answer {
        if (!completed) {
            return;
        }
        admin(token);
    }

    private String user(String token) throws Answer {
        if (token == null || token.isEmpty()) {
            throw new Answer(401, "Access token is invalid or expired.");
        }
        if (keys.stream().anyMatch(k -> k.path("AccessToken").asText().equals(token))) {
            return null; // an API key acts as an administrator
        }
        String user = sessions.get(token);
        if (user == null) {
            throw new Answer(401, "Access token is invalid or expired.");
        }
        return user;
    }

    private void admin(String token) throws Answer {
        String user = user(token);
        if (user != null && !users.keySet().iterator().next().equals(user)) {
            throw new Answer(403, "Admin access is required.");
        }
    }

    /** "Emby " then the parts, parsed as Jellyfin's AuthorizationContext (forked from Emby's) does; null for another scheme. */
    private static Map<String, String> authorization(String header) {
        if (header == null || !header.regionMatches(true, 0, "Emby ", 0, 5)) {
            return null;
        }
        return FakeJellyfin.authorization("MediaBrowser " + header.substring(5));
    }

    /** Query names as ServiceStack binds them, without regard to case: kept in the DTO's spelling. */
    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        Map<String, String> spelling = new HashMap<>();
        for (String known : List.of("StartIndex", "Limit", "App")) {
            spelling.put(known.toLowerCase(Locale.ROOT), known);
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(spelling.getOrDefault(name.toLowerCase(Locale.ROOT), name),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}

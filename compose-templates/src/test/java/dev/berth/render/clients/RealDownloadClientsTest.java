package dev.berth.render.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.SettingsFileSpec;
import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files Berth writes, read by the real clients from Debian 12's packages (qbittorrent-nox
 * 4.5.2, transmission-daemon 3.00, nzbget 21), each started on loopback with them: Berth signs
 * in with the generated password through the client's own web API and reads back the categories
 * and folders. Debian's versions are older than the pinned images (qBittorrent 5.1, Transmission
 * 4.0, NZBGet 26); each test says which behaviour of the file it relies on, all of it unchanged
 * between those versions (checked in their sources). After the client stopped (and, for
 * qBittorrent and Transmission, rewrote its file in its own layout), merging again sets nothing,
 * so a re-deploy writes nothing.
 */
class RealDownloadClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Tq7x0bKc2ZpLw9RmF4sVn8Ya"; // as SecretGenerator makes them: 24 letters and digits
    private static final List<String> CATEGORIES = List.of("tv", "movies", "music");

    @TempDir
    Path dir;

    /**
     * qBittorrent: the WebUI user and PBKDF2 hash in qBittorrent.conf (Preferences/WebUI/Password_PBKDF2, read the same way
     * since 4.2), the port, the default save path with automatic torrent management, port forwarding off
     * (Network/PortForwardingEnabled since 4.5), and categories.json beside the conf (since 4.4). Run as the image runs it:
     * XDG_CONFIG_HOME is the config folder, --webui-port the planned port.
     */
    @Test
    void qbittorrentSignsInWithTheGeneratedPasswordAndHasBerthsCategoriesAndPaths() throws Exception {
        Path binary = ExternalTool.require("qbittorrent-nox", "apt-get install qbittorrent-nox");
        int port = Daemon.freePort();
        ClientFacts facts = new ClientFacts("qbittorrent", port, true, "media.example.com", "/data/torrents", "admin", PASSWORD, null, CATEGORIES);
        Map<SettingsFileSpec, Path> files = writeFiles("qbittorrent", facts, text -> text.replace("WebUI\\Address=*", "WebUI\\Address=127.0.0.1"));
        Map<String, String> env = Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.toString(), "XDG_DATA_HOME", dir.toString(),
                "XDG_CACHE_HOME", dir.toString());
        try (Daemon qbittorrent = Daemon.start("qbittorrent-nox", List.of(binary.toString(), "--webui-port=" + port,
                "--torrenting-port=" + Daemon.freePort()), env, dir, port)) {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String base = "http://127.0.0.1:" + port + "/api/v2/";
            assertEquals("Fails.", post(http, base + "auth/login", "username=admin&password=wrong").body(), "a wrong password is refused");
            assertEquals("Ok.", post(http, base + "auth/login", "username=admin&password=" + PASSWORD).body(), qbittorrent.output());
            JsonNode categories = JSON.readTree(get(http, base + "torrents/categories", Map.of()).body());
            assertEquals(List.of("movies", "music", "tv"), sorted(categories.fieldNames()));
            for (String category : CATEGORIES) {
                assertEquals("/data/torrents/" + category, categories.get(category).get("savePath").asText());
            }
            JsonNode preferences = JSON.readTree(get(http, base + "app/preferences", Map.of()).body());
            assertEquals("/data/torrents", preferences.get("save_path").asText());
            assertEquals(port, preferences.get("web_ui_port").asInt());
            assertEquals("admin", preferences.get("web_ui_username").asText());
            assertEquals(false, preferences.get("upnp").asBoolean(), "port forwarding off");
            assertEquals(false, preferences.get("web_ui_upnp").asBoolean());
            assertEquals(true, preferences.get("auto_tmm_enabled").asBoolean(), "a category's save path applies");
            // The person adds a category of their own in the WebUI; qBittorrent saves categories.json in its own layout.
            assertEquals(200, post(http, base + "torrents/createCategory", "category=anime&savePath=/data/torrents/anime").statusCode());
        }
        assertReRunSetsNothing("qbittorrent", facts, files);
        assertTrue(Files.readString(dir.resolve("qBittorrent/categories.json")).contains("\"anime\""), "the person's category is there");
    }

    /**
     * Transmission: download-dir and incomplete-dir, RPC sign-in with the password in tr_ssha1's salted form (the same
     * in 3.00 and 4.0), rpc-port. The person's own keys (loopback only, their peer port) stay and are honoured.
     */
    @Test
    void transmissionSignsInWithTheGeneratedPasswordAndHasBerthsFolders() throws Exception {
        Path binary = ExternalTool.require("transmission-daemon", "apt-get install transmission-daemon");
        int port = Daemon.freePort();
        ClientFacts facts = new ClientFacts("transmission", port, false, null, "/data/torrents", "admin", PASSWORD, null, CATEGORIES);
        String theirs = """
                {
                    "dht-enabled": false,
                    "lpd-enabled": false,
                    "peer-port": %d,
                    "rpc-bind-address": "127.0.0.1"
                }
                """.formatted(Daemon.freePort());
        Map<SettingsFileSpec, Path> files = writeFiles("transmission", facts, text -> text, Optional.of(theirs));
        try (Daemon transmission = Daemon.start("transmission-daemon", List.of(binary.toString(), "-f", "-g", dir.toString()),
                Map.of(), dir, port)) {
            HttpClient http = HttpClient.newHttpClient();
            String rpc = "http://127.0.0.1:" + port + "/transmission/rpc";
            assertEquals(401, get(http, rpc, basic("wrong")).statusCode(), "a wrong password is refused");
            // Transmission's CSRF guard: the first call answers 409 with the session id to send along.
            HttpResponse<String> first = get(http, rpc, basic(PASSWORD));
            assertEquals(409, first.statusCode(), transmission.output());
            Map<String, String> headers = new HashMap<>(basic(PASSWORD));
            headers.put("X-Transmission-Session-Id", first.headers().firstValue("X-Transmission-Session-Id").orElseThrow());
            HttpResponse<String> session = send(http, HttpRequest.newBuilder(URI.create(rpc))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"session-get\"}")), headers);
            assertEquals(200, session.statusCode(), session.body());
            JsonNode arguments = JSON.readTree(session.body()).get("arguments");
            assertEquals("/data/torrents", arguments.get("download-dir").asText());
            assertEquals("/data/torrents/incomplete", arguments.get("incomplete-dir").asText());
            assertEquals(true, arguments.get("incomplete-dir-enabled").asBoolean());
            assertEquals(false, arguments.get("port-forwarding-enabled").asBoolean());
            assertTrue(arguments.get("version").asText().startsWith("3.00"), arguments.get("version").asText());
            // The person changes a setting through the web page; Transmission saves it when it stops.
            HttpResponse<String> changed = send(http, HttpRequest.newBuilder(URI.create(rpc)).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"method\":\"session-set\",\"arguments\":{\"speed-limit-down\":777}}")), headers);
            assertEquals(200, changed.statusCode(), changed.body());
        }
        String saved = Files.readString(files.values().iterator().next());
        assertTrue(saved.contains("\"rpc-bind-address\": \"127.0.0.1\"") && saved.contains("\"speed-limit-down\": 777"),
                "the person's keys stayed (" + saved.length() + " characters)");
        assertReRunSetsNothing("transmission", facts, files);
    }

    /**
     * NZBGet: ControlUsername/ControlPassword/ControlPort and CategoryN.Name/DestDir, read the same way in 21 and 26.
     * NZBGet makes its main folders when it needs them, so the test points MainDir, DestDir and InterDir into its temp
     * folder on the command line (-o, as the image passes options): `config` answers the options in force, `loadconfig`
     * the file as Berth wrote it, which is what this checks.
     */
    @Test
    void nzbgetSignsInWithTheGeneratedPasswordAndHasBerthsCategoriesAndFolders() throws Exception {
        Path binary = ExternalTool.require("nzbget", "apt-get install nzbget");
        int port = Daemon.freePort();
        ClientFacts facts = new ClientFacts("nzbget", port, false, null, "/data/usenet", "nzbget", PASSWORD, null, CATEGORIES);
        Map<SettingsFileSpec, Path> files = writeFiles("nzbget", facts, text -> text);
        Path conf = files.values().iterator().next();
        Path main = dir.resolve("main");
        List<String> command = List.of(binary.toString(), "-s", "-c", conf.toString(), "-o", "OutputMode=log", "-o", "ControlIP=127.0.0.1",
                "-o", "MainDir=" + main, "-o", "DestDir=" + main.resolve("complete"), "-o", "InterDir=" + main.resolve("incomplete"),
                "-o", "LockFile=" + dir.resolve("nzbget.lock"), "-o", "LogFile=" + dir.resolve("nzbget.log"));
        try (Daemon nzbget = Daemon.start("nzbget", command, Map.of(), dir, port)) {
            HttpClient http = HttpClient.newHttpClient();
            String rpc = "http://127.0.0.1:" + port + "/jsonrpc";
            assertEquals(401, jsonRpc(http, rpc, "nzbget", "wrong", "version").statusCode(), "a wrong password is refused");
            HttpResponse<String> version = jsonRpc(http, rpc, "nzbget", PASSWORD, "version");
            assertEquals(200, version.statusCode(), nzbget.output());
            assertEquals("21.0", JSON.readTree(version.body()).get("result").asText());
            Map<String, String> inForce = options(jsonRpc(http, rpc, "nzbget", PASSWORD, "config"));
            Map<String, String> file = options(jsonRpc(http, rpc, "nzbget", PASSWORD, "loadconfig"));
            assertEquals(Integer.toString(port), inForce.get("ControlPort"));
            for (int i = 0; i < CATEGORIES.size(); i++) {
                assertEquals(CATEGORIES.get(i), inForce.get("Category" + (i + 1) + ".Name"));
                assertEquals("/data/usenet/complete/" + CATEGORIES.get(i), inForce.get("Category" + (i + 1) + ".DestDir"));
            }
            assertEquals("/data/usenet", file.get("MainDir"));
            assertEquals("/data/usenet/complete", file.get("DestDir"));
            assertEquals("/data/usenet/incomplete", file.get("InterDir"));
        }
        assertReRunSetsNothing("nzbget", facts, files);
    }

    private Map<SettingsFileSpec, Path> writeFiles(String service, ClientFacts facts, java.util.function.UnaryOperator<String> personEdits)
            throws IOException {
        return writeFiles(service, facts, personEdits, Optional.empty());
    }

    /** Berth's files for the client into the temp folder, as its config folder, from the built-in catalog's entry. */
    private Map<SettingsFileSpec, Path> writeFiles(String service, ClientFacts facts, java.util.function.UnaryOperator<String> personEdits,
                                                   Optional<String> existing) throws IOException {
        Map<SettingsFileSpec, Path> written = new java.util.LinkedHashMap<>();
        for (SettingsFileSpec spec : Catalog.builtIn().get(service).downloadClient().settingsFiles()) {
            SettingsFile file = file(service, spec, facts);
            Path path = dir.resolve(spec.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, personEdits.apply(file.merge(existing).content()));
            written.put(spec, path);
        }
        return written;
    }

    private static SettingsFile file(String service, SettingsFileSpec spec, ClientFacts facts) {
        return new ClientSettingsFile(service, "/config/" + spec.path(), ClientFormats.named(spec.format(), service, 0), spec.startFrom(), facts);
    }

    private static void assertReRunSetsNothing(String service, ClientFacts facts, Map<SettingsFileSpec, Path> files) throws IOException {
        for (Map.Entry<SettingsFileSpec, Path> e : files.entrySet()) {
            SettingsMerge again = file(service, e.getKey(), facts).merge(Optional.of(Files.readString(e.getValue())));
            assertEquals(List.of(), again.setKeys(), e.getKey().path() + " after " + service + " ran and saved it");
        }
    }

    private static Map<String, String> options(HttpResponse<String> response) throws IOException {
        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> options = new HashMap<>();
        for (JsonNode option : JSON.readTree(response.body()).get("result")) {
            options.put(option.get("Name").asText(), option.get("Value").asText());
        }
        return options;
    }

    private static HttpResponse<String> jsonRpc(HttpClient http, String url, String user, String password, String method) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(http, HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString("{\"method\":\"" + method + "\"}")),
                Map.of("Authorization", "Basic " + auth));
    }

    private static Map<String, String> basic(String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> post(HttpClient http, String url, String form) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(form)),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    private static HttpResponse<String> get(HttpClient http, String url, Map<String, String> headers) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, Map<String, String> headers) throws Exception {
        headers.forEach(request::header);
        return http.send(request.timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> sorted(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list.stream().sorted().toList();
    }
}

package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.berth.answers.Answers;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Homepage's services.yaml: each widget has the settings its docs require, and every file it names is mounted. */
class HomepageWidgetsTest {
    private static final String SERVICES = "config/homepage/services.yaml";
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern FILE_VARIABLE = Pattern.compile("\\{\\{(HOMEPAGE_FILE_[A-Z0-9_]+)}}");

    /**
     * The settings each widget needs besides {@code type}, as Homepage v1.12.3 documents them
     * (gethomepage/homepage, {@code docs/widgets/services/<type>.md}; Tautulli's in
     * {@code plex-tautulli.md}); the settings marked optional there are left out. {@code url} is
     * required by every one.
     */
    private static final Map<String, Set<String>> REQUIRED = Map.ofEntries(
            Map.entry("sonarr", Set.of("url", "key")),
            Map.entry("radarr", Set.of("url", "key")),
            Map.entry("lidarr", Set.of("url", "key")),
            Map.entry("prowlarr", Set.of("url", "key")),
            Map.entry("bazarr", Set.of("url", "key")),
            Map.entry("seerr", Set.of("url", "key")),
            Map.entry("jellyfin", Set.of("url", "key")),
            Map.entry("emby", Set.of("url", "key")),
            Map.entry("plex", Set.of("url", "key")),
            Map.entry("tautulli", Set.of("url", "key")),
            Map.entry("sabnzbd", Set.of("url", "key")),
            Map.entry("qbittorrent", Set.of("url", "username", "password")),
            Map.entry("transmission", Set.of("url", "username", "password")),
            Map.entry("nzbget", Set.of("url", "username", "password")),
            // Its key is optional only when the control server's route has auth = none, which Berth never writes.
            Map.entry("gluetun", Set.of("url", "key", "version")));
    /** Settings a widget's docs list as optional that Berth sets all the same. */
    private static final Map<String, Set<String>> OPTIONAL = Map.of(
            "jellyfin", Set.of("enableBlocks", "fields"),
            "emby", Set.of("enableBlocks", "fields"));

    /** The examples with Homepage, and the full one with every download client Homepage shows. */
    static Stream<String> stacks() {
        return Stream.of("full-wireguard", "plex-usenet-openvpn", "every download client");
    }

    @ParameterizedTest
    @MethodSource("stacks")
    void everyWidgetHasExactlyTheSettingsItsDocsRequire(String stack) throws IOException {
        Map<String, JsonNode> widgets = widgets(render(stack).text(SERVICES));
        assertFalse(widgets.isEmpty(), stack + " has no widget");
        for (Map.Entry<String, JsonNode> e : widgets.entrySet()) {
            String type = e.getValue().get("type").asText();
            Set<String> required = REQUIRED.get(type);
            assertTrue(required != null, e.getKey() + ": widget type " + type + " is not in this test's table; add what its docs require");
            Set<String> given = new TreeSet<>();
            e.getValue().fieldNames().forEachRemaining(given::add);
            given.remove("type");
            given.removeAll(OPTIONAL.getOrDefault(type, Set.of()));
            assertEquals(new TreeSet<>(required), given, stack + ": the settings of " + e.getKey() + "'s " + type + " widget");
            e.getValue().forEach(v -> assertFalse(v.isContainerNode() ? v.isEmpty() : v.asText().isBlank(), e.getKey() + " has an empty setting"));
        }
    }

    @Test
    void theDownloadClientsShowTheirSpeedSignedInWithTheirOwnSecrets() throws IOException {
        Map<String, JsonNode> widgets = widgets(render("every download client").text(SERVICES));

        assertEquals("admin", widgets.get("qBittorrent").get("username").asText());
        assertEquals("{{HOMEPAGE_FILE_QBITTORRENT_PASSWORD}}", widgets.get("qBittorrent").get("password").asText());
        assertEquals("{{HOMEPAGE_FILE_TRANSMISSION_PASSWORD}}", widgets.get("Transmission").get("password").asText());
        assertEquals("nzbget", widgets.get("NZBGet").get("username").asText());
        assertEquals("{{HOMEPAGE_FILE_SABNZBD_KEY}}", widgets.get("SABnzbd").get("key").asText());
    }

    @Test
    void jellyfinsTileCountsTheLibrariesWithTheKeyJellyfinMadeAndSeerrAndBazarrShowTheirQueues() throws IOException {
        Map<String, JsonNode> widgets = widgets(render("full-wireguard").text(SERVICES));

        JsonNode jellyfin = widgets.get("Jellyfin");
        assertTrue(jellyfin.get("enableBlocks").isBoolean() && jellyfin.get("enableBlocks").booleanValue(),
                "Homepage shows the counts only with enableBlocks: true (a YAML boolean): " + jellyfin);
        assertEquals("{{HOMEPAGE_FILE_JELLYFIN_KEY}}", jellyfin.get("key").asText());
        assertEquals("{{HOMEPAGE_FILE_SEERR_KEY}}", widgets.get("Seerr").get("key").asText());
        assertEquals("{{HOMEPAGE_FILE_BAZARR_KEY}}", widgets.get("Bazarr").get("key").asText());
    }

    /** The count blocks of the kinds of media the stack keeps (catalog homepage.blocks), in Homepage's field names. */
    @Test
    void jellyfinsTileCountsOnlyTheKindsOfMediaTheStackKeeps() throws IOException {
        JsonNode full = widgets(render("full-wireguard").text(SERVICES)).get("Jellyfin");
        assertEquals(List.of("movies", "series", "episodes", "songs"), YAML.convertValue(full.get("fields"), List.class), "with Lidarr");

        Answers minimal = Examples.answers("minimal-jellyfin").withMonitoring(
                new dev.berth.answers.MonitoringAnswers(false, false, false, true, null));
        assertEquals(List.of("movies", "series", "episodes"), blocks(minimal.withServices(List.of("jellyfin", "sonarr", "radarr", "qbittorrent"))),
                "no songs without Lidarr");
        assertEquals(List.of("series", "episodes", "songs"), blocks(minimal.withServices(List.of("jellyfin", "sonarr", "lidarr", "qbittorrent"))),
                "no films without Radarr");
        assertEquals(List.of("movies", "series", "episodes"), blocks(minimal), "no *arr app: jellyfin.yaml's defaultLibraries");
    }

    private static List<?> blocks(Answers answers) throws IOException {
        String services = new Renderer().render(Examples.repeatablePlanner().plan(answers, Map.of())).text(SERVICES);
        return YAML.convertValue(widgets(services).get("Jellyfin").get("fields"), List.class);
    }

    @Test
    void gluetunsTileReadsTheControlServerWithTheWidgetsReadOnlyKey() throws IOException {
        RenderedStack files = render("full-wireguard");
        JsonNode gluetun = widgets(files.text(SERVICES)).get("Gluetun");

        assertEquals("gluetun", gluetun.get("type").asText());
        assertEquals("http://gluetun:8000", gluetun.get("url").asText());
        assertEquals("2", gluetun.get("version").asText());
        assertEquals("{{HOMEPAGE_FILE_GLUETUN_KEY}}", gluetun.get("key").asText());
        assertEquals("/run/secrets/gluetun_widget_api_key",
                YAML.readTree(files.text("compose.yaml")).get("services").get("homepage").get("environment").get("HOMEPAGE_FILE_GLUETUN_KEY").asText());
        assertTrue(files.text("config/gluetun/auth/config.toml").contains(
                "apikey = \"" + files.text("secrets/gluetun_widget_api_key") + "\""), "the widget's key is the one its role holds");
    }

    /** Homepage fails to read services.yaml when a {{HOMEPAGE_FILE_…}} names a variable or file it lacks. */
    @ParameterizedTest
    @MethodSource("stacks")
    void everyFileTheWidgetsNameIsMountedOnHomepage(String stack) throws IOException {
        RenderedStack files = render(stack);
        JsonNode compose = YAML.readTree(files.text("compose.yaml"));
        JsonNode homepage = compose.get("services").get("homepage");
        List<String> mounted = new ArrayList<>();
        homepage.get("secrets").forEach(s -> mounted.add(s.asText()));

        Matcher m = FILE_VARIABLE.matcher(files.text(SERVICES));
        int named = 0;
        while (m.find()) {
            named++;
            String variable = m.group(1);
            String path = homepage.get("environment").path(variable).asText();
            assertTrue(path.startsWith("/run/secrets/"), stack + ": " + variable + " is not set on homepage to a secret's file: " + path);
            String secret = path.substring("/run/secrets/".length());
            assertTrue(mounted.contains(secret), stack + ": homepage does not mount " + secret + " for " + variable);
            assertEquals("./secrets/" + secret, compose.get("secrets").get(secret).get("file").asText(), stack + ": " + secret);
            assertTrue(files.files().containsKey("secrets/" + secret), stack + ": secrets/" + secret + " is not written");
        }
        assertTrue(named > 0, stack + " names no file");
    }

    private static RenderedStack render(String stack) {
        if (!stack.equals("every download client")) {
            return Examples.render(stack);
        }
        Answers full = Examples.answers("full-wireguard");
        List<String> services = new ArrayList<>(full.services());
        services.addAll(List.of("transmission", "nzbget"));
        StackPlan plan = Examples.repeatablePlanner().plan(full.withServices(services), Map.of());
        return new Renderer().render(plan);
    }

    /** Each tile's widget by the tile's name. */
    private static Map<String, JsonNode> widgets(String servicesYaml) throws IOException {
        Map<String, JsonNode> widgets = new LinkedHashMap<>();
        for (JsonNode group : YAML.readTree(servicesYaml)) {
            group.forEach(tiles -> tiles.forEach(tile -> tile.fields().forEachRemaining(t -> {
                if (t.getValue().has("widget")) {
                    widgets.put(t.getKey(), t.getValue().get("widget"));
                }
            })));
        }
        return widgets;
    }
}

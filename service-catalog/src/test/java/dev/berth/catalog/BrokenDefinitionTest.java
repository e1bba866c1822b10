package dev.berth.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A broken definition is refused with a message naming the file and the field. */
class BrokenDefinitionTest {
    private static final String GOOD = """
            id: demo
            name: Demo
            category: extras
            description: A demo service that exists only to test the catalog loader's messages.
            image: { repository: example.org/demo, tag: "1.0" }
            architectures: [amd64]
            ramMb: 10
            linuxserver: false
            vpnCapable: false
            web: { port: 8080, healthPath: /health, publish: true, websockets: false }
            """;

    @TempDir
    Path dir;

    @Test
    void aGoodDefinitionLoads() throws IOException {
        write("demo.yaml", GOOD);
        Catalog catalog = new CatalogLoader().load(dir);
        assertEquals(8080, catalog.get("demo").web().port());
    }

    // ---- the placement section (several hosts): ids, the reason, NFS for the media folder alone

    private static final String MEDIA_VOLUME = "volumes:\n  - { kind: media, target: /data/media, readOnly: false }\n";

    @Test
    void aSectionLoads() throws IOException {
        write("demo.yaml", GOOD + "placement: { with: [other], reason: it reads the other's log files }\n");
        write("other.yaml", GOOD.replace("id: demo", "id: other"));
        assertEquals(new PlacementSpec(List.of("other"), "it reads the other's log files", false),
                new CatalogLoader().load(dir).get("demo").placement());
    }

    @Test
    void withNamesServicesOfTheCatalog() throws IOException {
        write("demo.yaml", GOOD + "placement: { with: [nothing-here], reason: it reads its files }\n");
        assertProblem("demo.yaml: field 'placement.with[0]': no service 'nothing-here'");
    }

    @Test
    void withNeedsAReason() throws IOException {
        write("demo.yaml", GOOD + "placement: { with: [demo2] }\n");
        write("demo2.yaml", GOOD.replace("id: demo", "id: demo2"));
        assertProblem("demo.yaml: field 'placement.reason': is required with 'with'");
    }

    @Test
    void aReasonWithoutWithIsRefused() throws IOException {
        write("demo.yaml", GOOD + "placement: { reason: nothing to explain }\n");
        assertProblem("demo.yaml: field 'placement.reason': explains 'with'");
    }

    @Test
    void aServiceIsNotWithItself() throws IOException {
        write("demo.yaml", GOOD + "placement: { with: [demo], reason: it is itself }\n");
        assertProblem("demo.yaml: field 'placement.with[0]': must name another service");
    }

    @Test
    void mediaOverNfsIsForTheMediaFolderAlone() throws IOException {
        write("demo.yaml", GOOD + MEDIA_VOLUME + "  - { kind: torrents, target: /data/torrents, readOnly: false }\nplacement: { mediaOverNfs: true }\n");
        assertProblem("demo.yaml: field 'placement.mediaOverNfs': is for a service that mounts the media folder");
        write("demo.yaml", GOOD + "placement: { mediaOverNfs: true }\n");
        assertProblem("demo.yaml: field 'placement.mediaOverNfs': is for a service that mounts the media folder");
        write("demo.yaml", GOOD + MEDIA_VOLUME + "placement: { mediaOverNfs: true }\n");
        assertTrue(new CatalogLoader().load(dir).get("demo").placement().mediaOverNfs());
    }

    @Test
    void unknownFieldIsNamed() throws IOException {
        write("demo.yaml", GOOD + "imagee: oops\n");
        assertProblem("demo.yaml: field 'imagee'");
    }

    @Test
    void badPortIsNamed() throws IOException {
        write("demo.yaml", GOOD.replace("port: 8080", "port: 70000"));
        assertProblem("demo.yaml: field 'web.port': must be between 1 and 65535");
    }

    @ParameterizedTest
    @MethodSource("badReleaseNotes")
    void aReleaseNotesLinkMustBeHttpsWithOnlyTheVersionPlaceholder(String link) throws IOException {
        write("demo.yaml", GOOD + "releaseNotes: \"" + link + "\"\n");
        assertProblem("demo.yaml: field 'releaseNotes': must be an https link, with {version} where the version goes");
    }

    static Stream<String> badReleaseNotes() {
        return Stream.of("http://example.org/notes", "github.com/x/y/releases", "https://example.org/releases/tag/v{tag}",
                "https://exa mple.org/");
    }

    @Test
    void aReleaseNotesLinkGetsTheTagsVersion() throws IOException {
        write("demo.yaml", GOOD + "releaseNotes: \"https://example.org/releases/tag/v{version}\"\n");
        ServiceDefinition demo = new CatalogLoader().load(dir).get("demo");
        assertEquals("https://example.org/releases/tag/v4.0.16.2944", demo.releaseNotesFor("4.0.16.2944-ls304").orElseThrow());
        assertEquals("https://example.org/releases/tag/v26.3", demo.releaseNotesFor("version-v26.3").orElseThrow());
    }

    @Test
    void latestTagIsRefused() throws IOException {
        write("demo.yaml", GOOD.replace("tag: \"1.0\"", "tag: latest"));
        assertProblem("demo.yaml: field 'image.tag': must pin a version, not 'latest'");
    }

    @Test
    void idMustMatchFileName() throws IOException {
        write("other.yaml", GOOD);
        assertProblem("other.yaml: field 'id': must equal the file name 'other'");
    }

    @Test
    void wrongTypeIsNamed() throws IOException {
        write("demo.yaml", GOOD.replace("ramMb: 10", "ramMb: lots"));
        assertProblem("demo.yaml: field 'ramMb'");
    }

    @Test
    void relationToAnUnknownServiceIsNamed() throws IOException {
        write("demo.yaml", GOOD + "relations:\n  requires:\n    - anyOf: [nothing-here]\n      reason: Needs it.\n");
        assertProblem("demo.yaml: field 'relations.requires[0].anyOf': 'nothing-here' is neither a service id nor a capability");
    }

    /** Compose would wait forever for service_healthy on a service without a health check. */
    @Test
    void waitingForTheHealthOfAServiceWithoutAHealthCheckIsNamed() throws IOException {
        write("demo.yaml", GOOD + "relations:\n  requires:\n    - anyOf: [store]\n      reason: Keeps its data there.\n"
                + "      waitForHealthy: true\n");
        write("store.yaml", GOOD.replace("id: demo", "id: store").replace("name: Demo", "name: Store"));
        assertProblem("demo.yaml: field 'relations.requires[0].waitForHealthy': store has no health check");
    }

    @Test
    void waitingForTheHealthOfAServiceWithAHealthCheckLoads() throws IOException {
        write("demo.yaml", GOOD + "relations:\n  requires:\n    - anyOf: [store]\n      reason: Keeps its data there.\n"
                + "      waitForHealthy: true\n");
        write("store.yaml", GOOD.replace("id: demo", "id: store").replace("name: Demo", "name: Store")
                + "healthcheck: { builtin: true }\n");
        assertTrue(new CatalogLoader().load(dir).get("demo").relations().requires().getFirst().waitForHealthy());
    }

    /** docs/catalog-format.md promises it: a second ramMb must not silently win over the first. */
    @Test
    void aDuplicateKeyIsRefused() throws IOException {
        write("demo.yaml", GOOD + "ramMb: 20\n");
        assertProblem("demo.yaml: not valid YAML: Duplicate field 'ramMb'");
    }

    @Test
    void invalidYamlIsNamed() throws IOException {
        write("demo.yaml", "id: 'unterminated\nname: x\n");
        assertProblem("demo.yaml: not valid YAML");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() throws IOException {
        write("demo.yaml", GOOD.replace("port: 8080", "port: 0").replace("ramMb: 10", "ramMb: -1"));
        CatalogException e = assertThrows(CatalogException.class, () -> new CatalogLoader().load(dir));
        assertEquals(2, e.problems().size(), e.getMessage());
    }

    private static final String API = """
            api:
              key: { secret: demo_api_key, fileVariable: FILE__DEMO__AUTH__APIKEY }
              publicPaths: ["^/api([/?].*)?$"]
            """;

    /** An exporter: a service the planner runs once per app that names it under metrics. */
    private static final String EXPORTER = GOOD.replace("id: demo", "id: exporter")
            .replace("web: { port: 8080, healthPath: /health, publish: true, websockets: false }",
                    "web: { port: 9707, publish: false, websockets: false, portEnv: PORT }")
            + "exporter: { urlVariable: URL, apiKeyFileVariable: API_KEY_FILE, reads: queue figures }\n";

    @Test
    void anAppWithApiExporterWidgetAndHelpersLoads() throws IOException {
        write("exporter.yaml", EXPORTER);
        write("demo.yaml", GOOD + API + """
                metrics: { exporter: exporter, command: [demo] }
                homepage: { widget: demo, fields: { username: admin, password: { secret: demo_password } } }
                passwords:
                  - { secret: demo_password, fileVariable: FILE__PASS }
                unpackerr: { section: demo }
                recyclarr:
                  section: demo
                  instance: docs
                  qualityDefinition: series
                  profiles:
                    - { key: small, name: Small, description: Small files., templates: [small-1080p],
                        trashId: 72dae194fc92bf828f32cde7744e51a1 }
                """);
        Catalog catalog = new CatalogLoader().load(dir);
        assertEquals("demo_api_key", catalog.get("demo").apiKey().orElseThrow().secret());
        assertEquals(List.of("^/api([/?].*)?$"), catalog.get("demo").publicApiPaths());
        assertEquals("queue figures", catalog.get("exporter").exporter().reads());
        assertEquals("small", catalog.get("demo").recyclarr().profile(null).orElseThrow().key());
        assertEquals(java.util.Map.of("username", new WidgetField.Text("admin"), "password", new WidgetField.FromSecret("demo_password")),
                catalog.get("demo").homepage().fields());
    }






    private static final String SIGN_IN = "passwords:\n  - { secret: demo_password, fileVariable: FILE__PASS }\n";
    private static final String RECYCLARR = "recyclarr: { section: demo, instance: docs, qualityDefinition: series, profiles: [";
    private static final String PROFILE = "{ key: small, name: Small, description: Small files., templates: [small-1080p],"
            + " trashId: 72dae194fc92bf828f32cde7744e51a1 }";

    /** Each new section's rules, one broken value at a time: the problem names the file and the field. */
    static Stream<Arguments> badSections() {
        return Stream.of(
                Arguments.of(GOOD + API.replace("secret: demo_api_key", "secret: Demo-Key"),
                        "demo.yaml: field 'api.key.secret': must be a secret name: lower-case letters, digits and '_', "
                                + "starting with a letter (e.g. demo_api_key)"),
                Arguments.of(GOOD + API.replace("fileVariable: FILE__DEMO__AUTH__APIKEY", "fileVariable: 'FILE__DEMO KEY'"),
                        "demo.yaml: field 'api.key.fileVariable': must be a variable name"),
                Arguments.of(GOOD + API.replace("\"^/api([/?].*)?$\"", "/api"),
                        "demo.yaml: field 'api.publicPaths[0]': must be a regular expression anchored with '^'"),
                Arguments.of(GOOD + API.replace("\"^/api([/?].*)?$\"", "\"^/api(\""),
                        "demo.yaml: field 'api.publicPaths[0]': is not a regular expression"),
                Arguments.of(GOOD + "api: {}\n", "demo.yaml: field 'api': says nothing"),
                Arguments.of(GOOD + API.replace("  publicPaths:", "  path: api/v3/\n  publicPaths:"),
                        "demo.yaml: field 'api.path': must be the API's base path under the web port"),
                Arguments.of(GOOD + "library: { category: tv, categoryField: tvCategory }\n",
                        "demo.yaml: field 'library': needs 'api.key' and 'api.path'"),
                Arguments.of(GOOD + API + "library: { category: TV Shows, categoryField: tvCategory }\n",
                        "demo.yaml: field 'library.category': must be a short lower-case name"),
                Arguments.of(GOOD + API + "library: { category: tv, categoryField: tvCategory, prowlarrApplication: sonarr }\n",
                        "demo.yaml: field 'library.prowlarrApplication': must be the application's name in Prowlarr's API"),
                Arguments.of(GOOD + "indexerProxy: { implementation: FlareSolverr, tag: 'Flare Solverr' }\n",
                        "demo.yaml: field 'indexerProxy.tag': must be a short lower-case tag"),
                Arguments.of(GOOD + "indexerProxy: { tag: flaresolverr }\n",
                        "demo.yaml: field 'indexerProxy.implementation': must be the indexer proxy's name in Prowlarr's API"),
                Arguments.of(GOOD + "setup: { kind: plex, libraries: { movies: { name: Movies, type: Movie } } }\n",
                        "demo.yaml: field 'setup.libraries.movies.type': must be the media server's kind of library in lower case"),
                Arguments.of(GOOD + "setup: { kind: plex, libraries: { movies: { type: movie } } }\n",
                        "demo.yaml: field 'setup.libraries.movies.name': is required"),
                Arguments.of(GOOD + "homepage: { widget: 'My Widget' }\n",
                        "demo.yaml: field 'homepage.widget': must be a Homepage widget type"),
                Arguments.of(GOOD + SIGN_IN + "homepage: { widget: demo, fields: { password: { secret: other_password } } }\n",
                        "demo.yaml: field 'homepage.fields.password.secret': must name one of this app's passwords[].secret [demo_password]"),
                Arguments.of(GOOD + SIGN_IN + "homepage: { widget: demo, fields: { password: { file: demo_password } } }\n",
                        "demo.yaml: field 'homepage.fields.password': must be a value such as admin, or { secret: <name> }"),
                Arguments.of(GOOD + SIGN_IN + "homepage: { widget: demo, fields: { url: http://demo } }\n",
                        "demo.yaml: field 'homepage.fields.url': is written by Berth"),
                Arguments.of(GOOD + API + "homepage: { widget: demo, fields: { key: abc } }\n",
                        "demo.yaml: field 'homepage.fields.key': is written by Berth: the widget is given the app's api.key"),
                Arguments.of(GOOD + SIGN_IN + "homepage: { widget: demo, fields: { user name: admin } }\n",
                        "demo.yaml: field 'homepage.fields.user name': must be a setting's name"),
                Arguments.of(GOOD.replace("websockets: false }", "websockets: false, publicUrlVariable: 'PUBLIC URL' }"),
                        "demo.yaml: field 'web.publicUrlVariable': must be a variable name"),
                Arguments.of(GOOD + "run: { runAsPuid: false, init: false, privileged: false, extraHosts: [host.docker.internal] }\n",
                        "demo.yaml: field 'run.extraHosts[0]': must be host:address, e.g. host.docker.internal:host-gateway"),
                Arguments.of(GOOD + "passwords:\n  - { secret: 'demo password', fileVariable: FILE__PASS }\n",
                        "demo.yaml: field 'passwords[0].secret': must be a secret name"),
                Arguments.of(GOOD + "passwords:\n  - { secret: demo_password, fileVariable: '' }\n",
                        "demo.yaml: field 'passwords[0].fileVariable': must be a variable name"),
                Arguments.of(GOOD + API + "recyclarr: { section: demo }\n",
                        "demo.yaml: field 'recyclarr.instance': must be lower-case letters"),
                Arguments.of(GOOD + "recyclarr: { section: demo, instance: docs }\n",
                        "demo.yaml: field 'recyclarr': needs 'api.key': Recyclarr calls the app's API with its key"),
                Arguments.of(GOOD + API + "recyclarr: { section: demo, instance: docs, qualityDefinition: series }\n",
                        "demo.yaml: field 'recyclarr.profiles': must offer at least one TRaSH quality profile"),
                Arguments.of(GOOD + API + "recyclarr: { section: demo, instance: docs, profiles: [" + PROFILE + "] }\n",
                        "demo.yaml: field 'recyclarr.qualityDefinition': must be lower-case letters"),
                Arguments.of(GOOD + API + RECYCLARR + PROFILE.replace("key: small, ", "") + "]}\n",
                        "demo.yaml: field 'recyclarr.profiles[0].key': must be lower-case letters, digits and '-'"),
                Arguments.of(GOOD + API + RECYCLARR + PROFILE + ", " + PROFILE + "]}\n",
                        "demo.yaml: field 'recyclarr.profiles[1].key': 'small' is offered twice"),
                Arguments.of(GOOD + API + RECYCLARR + PROFILE.replace("name: Small, ", "") + "]}\n",
                        "demo.yaml: field 'recyclarr.profiles[0].name': is required"),
                Arguments.of(GOOD + API + RECYCLARR + PROFILE.replace("templates: [small-1080p], ", "") + "]}\n",
                        "demo.yaml: field 'recyclarr.profiles[0].templates': must name the Recyclarr config template it follows"),
                Arguments.of(GOOD + API + RECYCLARR + PROFILE.replace("trashId: 72dae194fc92bf828f32cde7744e51a1", "trashId: WEB-1080p") + "]}\n",
                        "demo.yaml: field 'recyclarr.profiles[0].trashId': must be the TRaSH quality profile's trash_id"),
                Arguments.of(GOOD + API + RECYCLARR + PROFILE.replace(" }", ", customFormatGroups: [{ trashId: 158188097a58d7687dee647e04af0da3, select: [x265] }] }") + "]}\n",
                        "demo.yaml: field 'recyclarr.profiles[0].customFormatGroups[0]': trashId and select must be TRaSH trash_ids"),
                Arguments.of(GOOD + "unpackerr: { section: demo }\n",
                        "demo.yaml: field 'unpackerr': needs 'api.key': Unpackerr calls the app's API with its key"),
                Arguments.of(GOOD + "api: { key: { secret: demo_api_key, madeBy: someone } }\n",
                        "demo.yaml: field 'api.key.madeBy': must be 'berth'"),
                Arguments.of(GOOD + "api: { key: { secret: demo_api_key, madeBy: app } }\n",
                        "demo.yaml: field 'api.key.madeBy': 'app' needs 'setup'"),
                Arguments.of(GOOD + "api: { key: { secret: demo_api_key, madeBy: app, fileVariable: FILE__KEY } }\nsetup: { kind: jellyfin }\n",
                        "demo.yaml: field 'api.key.fileVariable': must be left out when the app makes its key"),
                Arguments.of(GOOD + MADE_KEY + "unpackerr: { section: demo }\n",
                        "demo.yaml: field 'api.key.madeBy': 'app' cannot serve 'metrics', 'unpackerr' or 'recyclarr'"),
                Arguments.of(GOOD + "passwords:\n  - { secret: demo_password }\n",
                        "demo.yaml: field 'passwords[0].fileVariable': is required unless"),
                Arguments.of(GOOD + API + "library: { category: tv, categoryField: tvCategory, mediaServerLibrary: { name: Shows, type: series } }\n",
                        "demo.yaml: field 'library.mediaServerLibrary.type': must be one of"),
                Arguments.of(GOOD + API + "library: { category: tv, categoryField: tvCategory, mediaServerLibrary: { name: ' ', type: tvshows } }\n",
                        "demo.yaml: field 'library.mediaServerLibrary.name': must be the library's name"));
    }

    /** The Done page shows handOver as one line beside the address (or, for an app without a page, beside its name). */
    static Stream<Arguments> badHandOvers() {
        String expected = "demo.yaml: field 'handOver': must be one line of at most 300 characters";
        return Stream.of(
                Arguments.of(GOOD + "handOver: \"" + "x".repeat(301) + "\"\n", expected),
                Arguments.of(GOOD + "handOver: |\n  Sign in as admin.\n  Then add a library.\n", expected),
                Arguments.of(GOOD + "handOver: \"  \"\n", expected));
    }

    @ParameterizedTest
    @MethodSource("badHandOvers")
    void aHandOverThatIsNotOneShortLineIsNamed(String yaml, String expected) throws IOException {
        write("demo.yaml", yaml);
        assertProblem(expected);
    }

    @Test
    void aFoldedHandOverOfOneLineLoads() throws IOException {
        write("demo.yaml", GOOD + "handOver: >-\n  Sign in as admin with the password\n  Berth keeps in secrets/demo_password.\n");
        assertEquals("Sign in as admin with the password Berth keeps in secrets/demo_password.",
                new CatalogLoader().load(dir).get("demo").handOver());
    }

    @ParameterizedTest
    @MethodSource("badSections")
    void aBadValueInANewSectionIsNamed(String yaml, String expected) throws IOException {
        write("demo.yaml", yaml);
        assertProblem(expected);
    }

    @Test
    void metricsWithoutAnApiKeyAreRefused() throws IOException {
        write("exporter.yaml", EXPORTER);
        write("demo.yaml", GOOD + "metrics: { exporter: exporter, command: [demo] }\n");
        assertProblem("demo.yaml: field 'metrics': needs 'api.key': the exporter calls the app's API with its key");
    }

    @Test
    void metricsMustNameAnExporter() throws IOException {
        write("other.yaml", GOOD.replace("id: demo", "id: other"));
        write("demo.yaml", GOOD + API + "metrics: { exporter: other, command: [demo] }\n");
        assertProblem("demo.yaml: field 'metrics.exporter': 'other' is not an exporter; name a service with an 'exporter' section");
    }

    @Test
    void anExporterMustSayWhatItReads() throws IOException {
        write("exporter.yaml", EXPORTER.replace(", reads: queue figures", ""));
        assertProblem("exporter.yaml: field 'exporter.reads': must say what Prometheus gets from it");
    }

    @Test
    void twoAppsCannotShareAnApiKey() throws IOException {
        write("demo.yaml", GOOD + API);
        write("other.yaml", GOOD.replace("id: demo", "id: other") + API);
        assertProblem("other.yaml: field 'api.key.secret': 'demo_api_key' is already a secret of demo; give each its own name (e.g. other_api_key)");
    }

    @Test
    void aPasswordCannotReuseAnotherServicesSecret() throws IOException {
        write("demo.yaml", GOOD + API);
        write("other.yaml", GOOD.replace("id: demo", "id: other")
                + "passwords:\n  - { secret: demo_api_key, fileVariable: FILE__PASS }\n");
        assertProblem("other.yaml: field 'passwords[0].secret': 'demo_api_key' is already a secret of demo; give each its own name (e.g. other_password)");
    }

    /** A download client whose sign-in and settings files Berth writes (qBittorrent's shape). */
    private static final String CLIENT = GOOD + """
            volumes:
              - { kind: config, target: /config, readOnly: false }
            passwords:
              - { secret: demo_password }
            downloadClient:
              implementation: Demo
              protocol: torrent
              username: admin
              passwordSecret: demo_password
              settingsFiles:
                - { path: Demo/demo.conf, format: demo, startFrom: "[Preferences]" }
            """;

    @Test
    void aClientWhosePasswordOnlyItsSettingsFileCarriesLoads() throws IOException {
        write("demo.yaml", CLIENT);
        DownloadClientSpec client = new CatalogLoader().load(dir).get("demo").downloadClient();
        assertEquals(List.of(new SettingsFileSpec("Demo/demo.conf", "demo", "[Preferences]")), client.settingsFiles());
    }

    /** The settings-file rules, one broken value at a time. */
    static Stream<Arguments> badSettingsFiles() {
        return Stream.of(
                Arguments.of(CLIENT.replace("path: Demo/demo.conf", "path: /config/demo.conf"),
                        "demo.yaml: field 'downloadClient.settingsFiles[0].path': must be a file path inside the app's /config folder"),
                Arguments.of(CLIENT.replace("path: Demo/demo.conf", "path: ../demo.conf"),
                        "demo.yaml: field 'downloadClient.settingsFiles[0].path': must be a file path inside the app's /config folder"),
                Arguments.of(CLIENT + "    - { path: Demo/demo.conf, format: demo }\n",
                        "demo.yaml: field 'downloadClient.settingsFiles[1].path': names the same file as an earlier entry"),
                Arguments.of(CLIENT.replace("format: demo", "format: Demo INI"),
                        "demo.yaml: field 'downloadClient.settingsFiles[0].format': must name a settings-file format Berth knows"),
                Arguments.of(CLIENT.replace("startFrom: \"[Preferences]\"", "startFrom: ' '"),
                        "demo.yaml: field 'downloadClient.settingsFiles[0].startFrom': is empty"),
                Arguments.of(CLIENT.replace("  - { kind: config, target: /config, readOnly: false }", "  - { kind: torrents, target: /data/torrents, readOnly: false }"),
                        "demo.yaml: field 'downloadClient.settingsFiles': needs a 'config' volume at /config"),
                Arguments.of(CLIENT.replace("  settingsFiles:\n    - { path: Demo/demo.conf, format: demo, startFrom: \"[Preferences]\" }\n", ""),
                        "demo.yaml: field 'passwords[0].fileVariable': is required unless 'downloadClient.settingsFiles' writes the password"),
                Arguments.of(GOOD + "api: { key: { secret: demo_api_key } }\n",
                        "demo.yaml: field 'api.key.fileVariable': is required unless 'downloadClient.settingsFiles' writes the key"));
    }

    /** An app that Berth sets up through its API may leave the key to the app: its setup reads it back. */
    @Test
    void aKeyWithoutFileIsFineWhenTheSetupReadsItBack() throws IOException {
        write("demo.yaml", GOOD + "api: { key: { secret: demo_api_key } }\nsetup: { kind: seerr }\n");
        assertEquals("demo_api_key", new CatalogLoader().load(dir).get("demo").apiKey().orElseThrow().secret());
    }

    @ParameterizedTest
    @MethodSource("badSettingsFiles")
    void aBadSettingsFileIsNamed(String yaml, String expected) throws IOException {
        write("demo.yaml", yaml);
        assertProblem(expected);
    }






    /** Jellyfin and Emby make their own key: Berth keeps what they make, and only Homepage and setups can wait for it. */
    private static final String MADE_KEY = "api: { key: { secret: demo_api_key, madeBy: app } }\nsetup: { kind: jellyfin }\n";

    @Test
    void aKeyTheAppMakesLoadsWithItsSetupAndWidget() throws IOException {
        write("demo.yaml", GOOD + MADE_KEY + "homepage: { widget: jellyfin }\npasswords:\n  - { secret: demo_password }\n");
        ApiKey key = new CatalogLoader().load(dir).get("demo").apiKey().orElseThrow();
        assertTrue(key.madeByApp());
    }

    /** Gluetun's shape: a config folder, the control server's keys and the providers it forwards a port for. */
    private static final String GATEWAY = GOOD.replace("id: demo", "id: gateway").replace(
            "web: { port: 8080, healthPath: /health, publish: true, websockets: false }\n", "") + """
            volumes:
              - { kind: config, target: /gluetun, readOnly: false }
            vpnGateway:
              controlPort: 8000
              authFile: auth/config.toml
              keySecret: gateway_control_api_key
              keyRoutes: ["GET /v1/publicip/ip", "GET /v1/vpn/status"]
              widgetKeySecret: gateway_widget_api_key
              widgetRoutes: ["GET /v1/publicip/ip"]
              tunnelInterfaces: [tun0, wg0]
              dnsAddresses: [127.0.0.1, "::1"]
              portForwarding:
                - { provider: protonvpn, types: [openvpn, wireguard], openvpnUserSuffix: "+pmp", environment: { PORT_FORWARD_ONLY: "on" } }
            """;

    @Test
    void aGatewayAndATorrentClientThatTakesItsPortLoad() throws IOException {
        write("gateway.yaml", GATEWAY);
        write("demo.yaml", GOOD.replace("vpnCapable: false", "vpnCapable: true") + "forwardedPort: { hook: qbittorrent }\n");
        Catalog catalog = new CatalogLoader().load(dir);
        assertEquals("+pmp", catalog.get("gateway").vpnGateway().forwarding("protonvpn").orElseThrow().openvpnUserSuffix());
        assertEquals("qbittorrent", catalog.get("demo").forwardedPort().hook());
    }

    static Stream<Arguments> badGateways() {
        return Stream.of(
                Arguments.of(GATEWAY.replace("controlPort: 8000", "controlPort: 0"),
                        "gateway.yaml: field 'vpnGateway.controlPort': must be between 1 and 65535"),
                Arguments.of(GATEWAY.replace("authFile: auth/config.toml", "authFile: ../auth.toml"),
                        "gateway.yaml: field 'vpnGateway.authFile': must be a .toml file in a folder of the gateway's config folder"),
                Arguments.of(GATEWAY.replace("authFile: auth/config.toml", "authFile: config.toml"),
                        "gateway.yaml: field 'vpnGateway.authFile': must be a .toml file in a folder of the gateway's config folder"),
                Arguments.of(GATEWAY.replace("  - { kind: config, target: /gluetun, readOnly: false }\n", "  - { kind: host, source: /srv, target: /gluetun, readOnly: false }\n"),
                        "gateway.yaml: field 'vpnGateway.authFile': needs a 'config' volume"),
                Arguments.of(GATEWAY.replace("keySecret: gateway_control_api_key", "keySecret: \"\""),
                        "gateway.yaml: field 'vpnGateway.keySecret': must be a secret name"),
                Arguments.of(GATEWAY.replace("widgetKeySecret: gateway_widget_api_key", "widgetKeySecret: gateway_control_api_key"),
                        "gateway.yaml: field 'vpnGateway.widgetKeySecret': must differ from keySecret"),
                Arguments.of(GATEWAY.replace("\"GET /v1/vpn/status\"", "\"/v1/vpn/status\""),
                        "gateway.yaml: field 'vpnGateway.keyRoutes[1]': '/v1/vpn/status' is not a route: write it as METHOD /path"),
                Arguments.of(GATEWAY.replace("widgetRoutes: [\"GET /v1/publicip/ip\"]", "widgetRoutes: []"),
                        "gateway.yaml: field 'vpnGateway.widgetRoutes': must list the control server routes"),
                Arguments.of(GATEWAY.replace("tunnelInterfaces: [tun0, wg0]", "tunnelInterfaces: []"),
                        "gateway.yaml: field 'vpnGateway.tunnelInterfaces': must list the tunnel's interface names"),
                Arguments.of(GATEWAY.replace("provider: protonvpn", "provider: proton"),
                        "gateway.yaml: field 'vpnGateway.portForwarding[0].provider': 'proton' is not a provider Gluetun knows"),
                Arguments.of(GATEWAY.replace("types: [openvpn, wireguard]", "types: [openvpn, ikev2]"),
                        "gateway.yaml: field 'vpnGateway.portForwarding[0].types': must list the VPN types"),
                Arguments.of(GATEWAY.replace("types: [openvpn, wireguard]", "types: [wireguard]"),
                        "gateway.yaml: field 'vpnGateway.portForwarding[0].openvpnUserSuffix': must be text without spaces (e.g. +pmp), and only for a provider that forwards with openvpn"),
                Arguments.of(GATEWAY.replace("PORT_FORWARD_ONLY: \"on\"", "PORT-FORWARD: \"on\""),
                        "gateway.yaml: field 'vpnGateway.portForwarding[0].environment.PORT-FORWARD': is not a valid variable name"),
                Arguments.of(GATEWAY + "    - { provider: protonvpn, types: [openvpn] }\n",
                        "gateway.yaml: field 'vpnGateway.portForwarding[1].provider': 'protonvpn' is listed twice"));
    }

    @ParameterizedTest
    @MethodSource("badGateways")
    void aBrokenGatewayIsNamed(String yaml, String expected) throws IOException {
        write("gateway.yaml", yaml);
        assertProblem(expected);
    }

    @Test
    void aGatewayWithoutAPageCanHaveAWidgetButAnotherServiceCannot() throws IOException {
        write("gateway.yaml", GATEWAY + "homepage: { widget: gluetun, fields: { version: \"2\" } }\n");
        write("other.yaml", GOOD.replace("id: demo", "id: other").replace(
                "web: { port: 8080, healthPath: /health, publish: true, websockets: false }\n", "") + "homepage: { widget: other }\n");
        assertProblem("other.yaml: field 'homepage': needs 'web' (the widget reads the app at its web port) or 'vpnGateway'");
        write("other.yaml", GOOD.replace("id: demo", "id: other"));
        assertEquals("gluetun", new CatalogLoader().load(dir).get("gateway").homepage().widget());
    }

    @Test
    void aGatewaysWidgetKeyIsBerths() throws IOException {
        write("gateway.yaml", GATEWAY + "homepage: { widget: gluetun, fields: { key: mine } }\n");
        assertProblem("gateway.yaml: field 'homepage.fields.key': is written by Berth: the widget is given the control server's vpnGateway.widgetKeySecret");
    }

    @Test
    void onlyOneServiceCanBeTheGateway() throws IOException {
        write("gateway.yaml", GATEWAY);
        write("other.yaml", GATEWAY.replace("id: gateway", "id: other").replace("gateway_", "other_"));
        assertProblem("other.yaml: field 'vpnGateway': only one service can be the VPN gateway, and gateway already is");
    }

    @Test
    void aForwardedPortNeedsARoutedApp() throws IOException {
        write("demo.yaml", GOOD + "forwardedPort: { hook: qbittorrent }\n");
        assertProblem("demo.yaml: field 'forwardedPort': needs 'vpnCapable: true'");
    }

    @Test
    void aForwardedPortNamesItsHook() throws IOException {
        write("demo.yaml", GOOD.replace("vpnCapable: false", "vpnCapable: true") + "forwardedPort: { hook: \"\" }\n");
        assertProblem("demo.yaml: field 'forwardedPort.hook': must name the script");
    }

    private static final String CONFIG = "volumes:\n  - { kind: config, target: /config, readOnly: false }\n";

    @Test
    void aBackupSectionLoads() throws IOException {
        write("demo.yaml", GOOD + CONFIG + "backup: { excludes: [logs, \"logs.db*\"], stopForSnapshot: true, reason: keeps its library in SQLite }\n");
        BackupSpec backup = new CatalogLoader().load(dir).get("demo").backup();
        assertEquals(new BackupSpec(List.of("logs", "logs.db*"), true, "keeps its library in SQLite"), backup);
    }

    @Test
    void anAppStoppedForTheSnapshotSaysWhy() throws IOException {
        write("demo.yaml", GOOD + CONFIG + "backup: { stopForSnapshot: true }\n");
        assertProblem("demo.yaml: field 'backup.reason': is required with 'stopForSnapshot: true'");
    }

    @Test
    void aReasonWithoutAStopIsRefused() throws IOException {
        write("demo.yaml", GOOD + CONFIG + "backup: { stopForSnapshot: false, reason: keeps SQLite }\n");
        assertProblem("demo.yaml: field 'backup.reason': is shown only for an app stopped for the snapshot");
    }

    @ParameterizedTest
    @MethodSource("excludesOutsideTheConfigFolder")
    void anExcludeStaysInsideTheConfigFolder(String exclude) throws IOException {
        write("demo.yaml", GOOD + CONFIG + "backup: { excludes: [logs, \"" + exclude + "\"], stopForSnapshot: false }\n");
        assertProblem("demo.yaml: field 'backup.excludes[1]': must be a path inside the app's config folder");
    }

    static Stream<String> excludesOutsideTheConfigFolder() {
        return Stream.of("/var/log", "../sonarr", "cache/../../etc", "", "logs/");
    }

    @Test
    void aBackupSectionNeedsAConfigFolder() throws IOException {
        write("demo.yaml", GOOD + "backup: { excludes: [logs], stopForSnapshot: false }\n");
        assertProblem("demo.yaml: field 'backup': needs a 'config' volume");
    }

    @Test
    void theStackFolderIsMountedAtItsOwnPath() throws IOException {
        write("demo.yaml", GOOD + "volumes:\n  - { kind: stack, target: /stack, readOnly: false }\n");
        assertProblem("demo.yaml: field 'volumes[0]': 'stack' mounts the stack folder at its own path: leave 'target' and 'source' out");
    }

    @Test
    void aCommandHoldsOnlyTheStackFolderPlaceholder() throws IOException {
        String run = "run: { runAsPuid: false, init: false, privileged: false, command: [crond, -c, \"%s/backup/crontabs\"] }\n";
        write("demo.yaml", GOOD + run.formatted("{stackDir}"));
        assertEquals(List.of("crond", "-c", "{stackDir}/backup/crontabs"), new CatalogLoader().load(dir).get("demo").run().command());
        write("demo.yaml", GOOD + run.formatted("{configRoot}"));
        assertProblem("demo.yaml: field 'run.command[2]': may hold only the placeholder {stackDir}");
    }

    @Test
    void aServiceThatKeepsNothingOnItsHostMayBeScheduledBySwarm() throws IOException {
        write("demo.yaml", GOOD + "swarm: { schedulable: true }\n");
        assertTrue(new CatalogLoader().load(dir).get("demo").swarm().schedulable());
    }

    @ParameterizedTest
    @MethodSource("hostBound")
    void swarmIsRefusedForAServiceTiedToItsHost(String section, String expected) throws IOException {
        write("demo.yaml", GOOD + section + "swarm: { schedulable: true }\n");
        assertProblem("demo.yaml: field 'swarm.schedulable': cannot be true: " + expected);
    }

    static Stream<Arguments> hostBound() {
        return Stream.of(
                Arguments.of("volumes: [{ kind: config, target: /config, readOnly: false }]\n",
                        "volumes[0] keeps its settings in a config folder on one host; Swarm would restart it on another node"),
                Arguments.of("volumes: [{ kind: data, target: /data, readOnly: false }]\n", "volumes[0] mounts 'data', which lives on one host"),
                Arguments.of("run: { networkMode: host, runAsPuid: false, init: false, privileged: false }\n",
                        "run.networkMode 'host' shares a host's network"),
                Arguments.of("run: { devices: [/dev/dri], runAsPuid: false, init: false, privileged: false }\n",
                        "run.devices [/dev/dri] are one host's devices"));
    }

    // ---- a media server's kinds of media: setup.defaultLibraries and setup.libraries name what an *arr app files

    /** An *arr app that files the kind {@code tv}. */
    private static final String TV_APP = GOOD.replace("id: demo", "id: tvapp").replace("category: extras", "category: arr") + """
            api: { key: { secret: tvapp_api_key, fileVariable: FILE__TVAPP__AUTH__APIKEY }, path: /api/v3 }
            library: { category: tv, categoryField: tvCategory }
            """;
    private static final String SERVER = GOOD.replace("category: extras", "category: media-server");

    @Test
    void aMediaServersDefaultKindsLoad() throws IOException {
        write("tvapp.yaml", TV_APP);
        write("demo.yaml", SERVER + "setup: { kind: jellyfin, defaultLibraries: [tv] }\n");
        assertEquals(List.of("tv"), new CatalogLoader().load(dir).get("demo").setup().defaultLibraries());
    }

    @Test
    void aDefaultKindNoArrAppFilesIsNamedWithTheKindsThereAre() throws IOException {
        write("tvapp.yaml", TV_APP);
        write("demo.yaml", SERVER + "setup: { kind: jellyfin, defaultLibraries: [tv, films] }\n");
        assertProblem("demo.yaml: field 'setup.defaultLibraries[1]': unknown kind of media 'films'; use one of [tv] "
                + "(the library.category of an *arr app in the catalog)");
    }

    @Test
    void aServerLibraryOfAKindNoArrAppFilesIsNamed() throws IOException {
        write("tvapp.yaml", TV_APP);
        write("demo.yaml", SERVER + "setup:\n  kind: plex\n  libraries:\n    shows: { name: Shows, type: show }\n");
        assertProblem("demo.yaml: field 'setup.libraries.shows': unknown kind of media 'shows'; use one of [tv]");
    }

    @Test
    void homepageBlocksOfAKindNoArrAppFilesAreNamed() throws IOException {
        write("tvapp.yaml", TV_APP);
        write("demo.yaml", SERVER + "homepage: { widget: jellyfin, blocks: { tv: [series], music: [songs] } }\n");
        assertProblem("demo.yaml: field 'homepage.blocks.music': unknown kind of media 'music'; use one of [tv]");
    }

    @Test
    void homepageBlocksAndAFieldsSettingOfTheirOwnAreRefused() throws IOException {
        write("tvapp.yaml", TV_APP);
        write("demo.yaml", SERVER + "homepage: { widget: jellyfin, fields: { fields: movies }, blocks: { tv: [series] } }\n");
        assertProblem("demo.yaml: field 'homepage.fields.fields': is written by Berth from homepage.blocks");
    }

    @Test
    void defaultKindsAreForMediaServersOnly() throws IOException {
        write("tvapp.yaml", TV_APP);
        write("demo.yaml", GOOD + "setup: { kind: seerr, defaultLibraries: [tv] }\n");
        assertProblem("demo.yaml: field 'setup.defaultLibraries': is only for a media server");
    }

    @Test
    void aServerThatNamesItsLibrariesNeedsOneForEachDefaultKind() throws IOException {
        write("tvapp.yaml", TV_APP);
        write("demo.yaml", SERVER + "setup:\n  kind: plex\n  defaultLibraries: [tv]\n  libraries:\n    movies: { name: Movies, type: movie }\n");
        assertProblem("demo.yaml: field 'setup.defaultLibraries[0]': 'tv' has no entry in setup.libraries");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private void assertProblem(String expected) {
        CatalogException e = assertThrows(CatalogException.class, () -> new CatalogLoader().load(dir));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(expected)),
                "expected a problem starting with <" + expected + "> in " + e.problems());
    }
}

package dev.berth.catalog;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The rules one service definition must follow on its own; each problem names file and field. */
final class DefinitionChecker {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h))+");
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A secret becomes a file name under secrets/ and a Compose secret name. */
    private static final Pattern SECRET_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern WIDGET = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern WIDGET_FIELD = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern PROFILE_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");
    private static final Pattern TRASH_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern EXTRA_HOST = Pattern.compile("[A-Za-z0-9.-]+:(host-gateway|[0-9A-Fa-f.:]+)");
    /** A key in the helpers' own files (a TOML table, a YAML key, part of a secret name). */
    private static final Pattern SECTION = Pattern.compile("[a-z][a-z0-9_]*");
    /** The collection types Jellyfin's and Emby's library APIs take (Jellyfin 10.11 CollectionTypeOptions, less the mixed kind). */
    private static final java.util.Set<String> MEDIA_SERVER_LIBRARY_TYPES = new java.util.TreeSet<>(java.util.Set.of(
            "movies", "tvshows", "music", "musicvideos", "homevideos", "books"));
    private static final java.util.Set<String> ARCHES = java.util.Set.of("amd64", "arm64", "arm", "386", "ppc64le", "riscv64", "s390x");

    /** The Done page's row: room for a sentence or two beside the address. */
    static final int HAND_OVER_MAX = 300;

    private final String file;
    private final ServiceDefinition def;
    private final Consumer<String> problems;

    DefinitionChecker(String file, ServiceDefinition def, Consumer<String> problems) {
        this.file = file;
        this.def = def;
        this.problems = problems;
    }

    void check() {
        String expectedId = file.substring(0, file.length() - ".yaml".length());
        require(def.id() != null && ID.matcher(def.id()).matches(), "id",
                "must be lower-case letters, digits and '-', starting with a letter");
        require(expectedId.equals(def.id()), "id", "must equal the file name '" + expectedId + "'");
        require(notBlank(def.name()), "name", "is required");
        require(def.category() != null, "category", "is required");
        require(notBlank(def.description()) && def.description().length() >= 40, "description",
                "is required: one paragraph a newcomer understands");
        if (def.image() == null) {
            fail("image", "is required (repository and tag)");
        } else {
            require(notBlank(def.image().repository()) && !def.image().repository().contains(":"),
                    "image.repository", "is required, without a tag");
            require(notBlank(def.image().tag()) && !def.image().tag().equals("latest"),
                    "image.tag", "must pin a version, not 'latest'");
        }
        require(!def.architectures().isEmpty(), "architectures", "must list at least one (e.g. amd64, arm64)");
        for (String arch : def.architectures()) {
            require(ARCHES.contains(arch), "architectures", "unknown architecture '" + arch + "'; use one of " + ARCHES);
        }
        require(def.ramMb() > 0, "ramMb", "must be a positive estimate in MiB");
        if (def.web() != null) {
            requirePort(def.web().port(), "web.port");
            require(def.web().healthPath().startsWith("/"), "web.healthPath", "must start with '/'");
            if (def.web().portEnv() != null) {
                require(ENV_NAME.matcher(def.web().portEnv()).matches(), "web.portEnv", "must be a variable name");
            }
            if (def.web().publicUrlVariable() != null) {
                requireVariable(def.web().publicUrlVariable(), "web.publicUrlVariable",
                        "the variable that tells the app its https address under the domain");
            }
        }
        for (int i = 0; i < def.ports().size(); i++) {
            requirePort(def.ports().get(i).port(), "ports[" + i + "].port");
        }
        for (int i = 0; i < def.volumes().size(); i++) {
            checkVolume(def.volumes().get(i), "volumes[" + i + "]");
        }
        for (Map.Entry<String, String> e : def.environment().entrySet()) {
            require(ENV_NAME.matcher(e.getKey()).matches(), "environment." + e.getKey(), "is not a valid variable name");
            require(e.getValue() != null, "environment." + e.getKey(), "needs a value (use \"\" for empty)");
        }
        Healthcheck hc = def.healthcheck();
        if (!hc.test().isEmpty()) {
            require(java.util.List.of("CMD", "CMD-SHELL").contains(hc.test().getFirst()), "healthcheck.test",
                    "must start with CMD or CMD-SHELL");
            require(!hc.builtin(), "healthcheck", "is either builtin or has a test, not both");
        }
        checkDuration(hc.interval(), "healthcheck.interval");
        checkDuration(hc.timeout(), "healthcheck.timeout");
        checkDuration(hc.startPeriod(), "healthcheck.startPeriod");
        checkDuration(def.run().stopGracePeriod(), "run.stopGracePeriod");
        if (def.run().networkMode() != null) {
            require(def.run().networkMode().equals("host"), "run.networkMode", "may only be 'host'");
        }
        for (int i = 0; i < def.passwords().size(); i++) {
            GeneratedPassword p = def.passwords().get(i);
            String field = "passwords[" + i + "]";
            requireSecretName(p.secret(), field + ".secret", "_password");
            // Without a variable the password is only generated and kept (e.g. an *arr app's sign-in, set through its API).
            if (p.fileVariable() != null) {
                requireVariable(p.fileVariable(), field + ".fileVariable", "the variable that gives the app the password from a file");
            }
        }
        for (int i = 0; i < def.run().command().size(); i++) {
            String arg = def.run().command().get(i);
            require(arg != null && !arg.replace(RunOptions.STACK_DIR, "").contains("{"), "run.command[" + i + "]",
                    "may hold only the placeholder " + RunOptions.STACK_DIR + " (the stack folder's path on the target)");
        }
        for (int i = 0; i < def.run().extraHosts().size(); i++) {
            String entry = def.run().extraHosts().get(i);
            require(entry != null && EXTRA_HOST.matcher(entry).matches(), "run.extraHosts[" + i + "]",
                    "must be host:address, e.g. host.docker.internal:host-gateway");
        }
        checkApi();
        checkLibrary();
        checkIndexerProxy();
        checkSetup();
        checkHandOver();
        checkReleaseNotes();
        checkDownloadClient();
        new BackupChecks(def, this).check();
        new PlacementChecks(def, this).check();
        requireSecretsReachTheApp();
        checkMetrics();
        checkExporter();
        new GatewayChecks(def, this).check();
        new SwarmChecks(def, this).check();
        if (def.homepage() != null) {
            require(def.homepage().widget() != null && WIDGET.matcher(def.homepage().widget()).matches(), "homepage.widget",
                    "must be a Homepage widget type such as 'sonarr' (lower-case letters, digits, '-')");
            require(def.web() != null || def.vpnGateway() != null, "homepage",
                    "needs 'web' (the widget reads the app at its web port) or 'vpnGateway' (it reads the control server)");
            checkWidgetFields(def.homepage());
        }
        if (def.unpackerr() != null) {
            requireSection(def.unpackerr().section(), "unpackerr.section", "the app kind Unpackerr knows (e.g. sonarr)");
            requireKeyFor("unpackerr", "Unpackerr");
        }
        if (def.recyclarr() != null) {
            requireSection(def.recyclarr().section(), "recyclarr.section", "the app kind Recyclarr knows (sonarr or radarr)");
            requireSection(def.recyclarr().instance(), "recyclarr.instance", "the instance name (e.g. tv)");
            requireKeyFor("recyclarr", "Recyclarr");
            checkRecyclarr(def.recyclarr());
        }
        for (int i = 0; i < def.relations().requires().size(); i++) {
            Requirement r = def.relations().requires().get(i);
            require(!r.anyOf().isEmpty(), "relations.requires[" + i + "].anyOf", "must name at least one service or capability");
            require(notBlank(r.reason()), "relations.requires[" + i + "].reason", "must say why, for the person");
        }
    }

    /** The widget's settings: Berth writes type, url and the API key itself; a secret must be one the app has. */
    private void checkWidgetFields(HomepageSpec homepage) {
        java.util.List<String> passwords = def.passwords().stream().map(GeneratedPassword::secret).toList();
        homepage.fields().forEach((name, value) -> {
            String field = "homepage.fields." + name;
            require(WIDGET_FIELD.matcher(name).matches(), field, "must be a setting's name as Homepage's widget docs spell it (e.g. username)");
            require(!name.equals("type") && !name.equals("url"), field, "is written by Berth: 'type' from homepage.widget, 'url' from the app's address");
            require(!(name.equals("key") && def.apiKey().isPresent()), field, "is written by Berth: the widget is given the app's api.key");
            require(!(name.equals("key") && def.vpnGateway() != null), field,
                    "is written by Berth: the widget is given the control server's vpnGateway.widgetKeySecret");
            if (value instanceof WidgetField.FromSecret(String secret)) {
                require(passwords.contains(secret), field + ".secret",
                        "must name one of this app's passwords[].secret " + passwords + ": Homepage can only be given a secret the stack keeps");
            }
        });
        require(homepage.blocks().isEmpty() || !homepage.fields().containsKey("fields"), "homepage.fields.fields",
                "is written by Berth from homepage.blocks: leave one of the two out");
        homepage.blocks().forEach((kind, blocks) -> require(blocks != null && !blocks.isEmpty()
                        && blocks.stream().allMatch(b -> b != null && WIDGET_FIELD.matcher(b).matches()), "homepage.blocks." + kind,
                "must list the widget's blocks for that kind of media as Homepage's widget docs name its fields (e.g. [series, episodes])"));
    }

    /** What Recyclarr syncs: without a profile it would list the app and change nothing. */
    private void checkRecyclarr(RecyclarrSpec recyclarr) {
        requireSection(recyclarr.qualityDefinition(), "recyclarr.qualityDefinition",
                "the TRaSH quality sizes Recyclarr sets (quality_definition.type, e.g. series or movie)");
        require(!recyclarr.profiles().isEmpty(), "recyclarr.profiles",
                "must offer at least one TRaSH quality profile (the first is the default): without one Recyclarr syncs nothing");
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < recyclarr.profiles().size(); i++) {
            QualityProfileSpec p = recyclarr.profiles().get(i);
            String field = "recyclarr.profiles[" + i + "]";
            require(p.key() != null && PROFILE_KEY.matcher(p.key()).matches(), field + ".key",
                    "must be lower-case letters, digits and '-' (what media.qualityProfiles names it by, e.g. web-1080p)");
            require(p.key() == null || keys.add(p.key()), field + ".key", "'" + p.key() + "' is offered twice");
            require(notBlank(p.name()), field + ".name", "is required: the profile's name as the person reads it");
            require(notBlank(p.description()), field + ".description", "is required: one sentence on whom it suits");
            require(!p.templates().isEmpty() && p.templates().stream().allMatch(t -> t != null && PROFILE_KEY.matcher(t).matches()),
                    field + ".templates", "must name the Recyclarr config template it follows, by its id (e.g. web-1080p)");
            require(p.trashId() != null && TRASH_ID.matcher(p.trashId()).matches(), field + ".trashId",
                    "must be the TRaSH quality profile's trash_id (32 hex digits)");
            for (int g = 0; g < p.customFormatGroups().size(); g++) {
                CustomFormatGroupSpec group = p.customFormatGroups().get(g);
                require(group.trashId() != null && TRASH_ID.matcher(group.trashId()).matches()
                                && group.select().stream().allMatch(id -> id != null && TRASH_ID.matcher(id).matches()),
                        field + ".customFormatGroups[" + g + "]", "trashId and select must be TRaSH trash_ids (32 hex digits)");
            }
        }
    }

    private void checkApi() {
        ApiSpec api = def.api();
        if (api == null) {
            return;
        }
        require(def.web() != null, "api", "needs 'web': other services call the API at the web port");
        require(api.key() != null || !api.publicPaths().isEmpty(), "api",
                "says nothing: give 'key' (the API key Berth presets) or 'publicPaths', or leave 'api' out");
        if (api.key() != null) {
            requireSecretName(api.key().secret(), "api.key.secret", "_api_key");
            require(ApiKey.BERTH.equals(api.key().madeBy()) || ApiKey.APP.equals(api.key().madeBy()), "api.key.madeBy",
                    "must be 'berth' (Berth generates the key and presets it) or 'app' (the app makes it when Berth sets it up)");
            if (api.key().madeByApp()) {
                require(api.key().fileVariable() == null, "api.key.fileVariable",
                        "must be left out when the app makes its key (madeBy: app): no variable can preset a key the app makes");
                require(def.setup() != null, "api.key.madeBy",
                        "'app' needs 'setup': Berth asks the app for its key while it sets the app up (setup.kind)");
                require(def.metrics() == null && def.unpackerr() == null && def.recyclarr() == null, "api.key.madeBy",
                        "'app' cannot serve 'metrics', 'unpackerr' or 'recyclarr': they start with the key, which the app"
                        + " makes only after the deploy; only Homepage (and setups that run later) can wait for it");
            }
            if (api.key().fileVariable() != null) { // null: the app reads it only from its settings file
                requireVariable(api.key().fileVariable(), "api.key.fileVariable",
                        "the variable that gives the app its key from a file (LinuxServer images: FILE__<APP>__AUTH__APIKEY)");
            }
        }
        if (api.path() != null) {
            require(api.path().startsWith("/") && !api.path().endsWith("/") && !api.path().contains(" "), "api.path",
                    "must be the API's base path under the web port, starting with '/' and without one at the end (e.g. /api/v3)");
        }
        for (int i = 0; i < api.publicPaths().size(); i++) {
            String path = api.publicPaths().get(i);
            String field = "api.publicPaths[" + i + "]";
            if (path == null || !path.startsWith("^")) {
                fail(field, "must be a regular expression anchored with '^' (e.g. '^/api([/?].*)?$'), so it cannot open other paths");
                continue;
            }
            try {
                Pattern.compile(path);
            } catch (java.util.regex.PatternSyntaxException e) {
                fail(field, "is not a regular expression: " + e.getDescription());
            }
        }
    }

    /** An app with a library is wired through its API: it needs the key and the path to call it. */
    private void checkLibrary() {
        LibrarySpec library = def.library();
        if (library == null) {
            return;
        }
        require(library.category() != null && library.category().matches("[a-z][a-z0-9-]*"), "library.category",
                "must be a short lower-case name (tv, movies, music): it names the download category and the folder under /data/media");
        require(library.categoryField() != null && library.categoryField().matches("[a-z][A-Za-z0-9]*"), "library.categoryField",
                "must name the download-client settings field that carries the category in the app's API (e.g. tvCategory)");
        require(def.apiKey().isPresent() && def.api().path() != null, "library",
                "needs 'api.key' and 'api.path': Berth sets up the app's root folder and download clients through its API");
        require(library.prowlarrApplication() == null || library.prowlarrApplication().matches("[A-Z][A-Za-z0-9]*"),
                "library.prowlarrApplication", "must be the application's name in Prowlarr's API (Sonarr, Radarr, Lidarr)");
        LibrarySpec.MediaServerLibrary shown = library.mediaServerLibrary();
        if (shown != null) {
            require(notBlank(shown.name()) && shown.name().strip().equals(shown.name()) && shown.name().length() <= 64,
                    "library.mediaServerLibrary.name", "must be the library's name the person sees in the media server (Movies, Shows, Music)");
            require(shown.type() != null && MEDIA_SERVER_LIBRARY_TYPES.contains(shown.type()), "library.mediaServerLibrary.type",
                    "must be one of " + MEDIA_SERVER_LIBRARY_TYPES + " (the collection type Jellyfin and Emby know)");
        }
    }

    private void checkIndexerProxy() {
        IndexerProxySpec proxy = def.indexerProxy();
        if (proxy == null) {
            return;
        }
        require(proxy.implementation() != null && proxy.implementation().matches("[A-Z][A-Za-z0-9]*"), "indexerProxy.implementation",
                "must be the indexer proxy's name in Prowlarr's API (FlareSolverr)");
        require(proxy.tag() != null && proxy.tag().matches("[a-z][a-z0-9-]*"), "indexerProxy.tag",
                "must be a short lower-case tag (flaresolverr): the person gives it to the indexers that need the proxy");
        require(def.web() != null, "indexerProxy", "needs 'web': Prowlarr reaches the proxy at its web port");
    }

    private void checkSetup() {
        SetupSpec setup = def.setup();
        if (setup == null) {
            return;
        }
        require(setup.kind() != null && setup.kind().matches("[a-z][a-z0-9-]*"), "setup.kind",
                "must name how Berth sets the app up (jellyfin, emby, plex, seerr, bazarr)");
        require(def.web() != null, "setup", "needs 'web': Berth sets the app up through its web API");
        setup.libraries().forEach((category, library) -> {
            String field = "setup.libraries." + category;
            require(category.matches("[a-z][a-z0-9-]*"), field, "must be an *arr app's library.category (movies, tv, music)");
            require(library != null && library.name() != null && !library.name().isBlank(), field + ".name",
                    "is required: the library's name as the person sees it (Movies)");
            require(library != null && library.type() != null && library.type().matches("[a-z]+"), field + ".type",
                    "must be the media server's kind of library in lower case (Plex: movie, show, artist)");
        });
        if (setup.defaultLibraries().isEmpty()) {
            return;
        }
        require(def.category() == Category.MEDIA_SERVER, "setup.defaultLibraries",
                "is only for a media server (category: media-server): the folders it shows when no *arr app is chosen");
        for (int i = 0; i < setup.defaultLibraries().size(); i++) {
            String kind = setup.defaultLibraries().get(i);
            String field = "setup.defaultLibraries[" + i + "]";
            require(kind != null && kind.matches("[a-z][a-z0-9-]*"), field, "must be an *arr app's library.category (movies, tv, music)");
            // A server that names its libraries (Plex) needs one for every default, or the folder would stay unused.
            require(kind == null || setup.libraries().isEmpty() || setup.libraries().containsKey(kind), field,
                    "'" + kind + "' has no entry in setup.libraries; add one or leave the kind out");
        }
        require(new java.util.HashSet<>(setup.defaultLibraries()).size() == setup.defaultLibraries().size(), "setup.defaultLibraries",
                "names a kind twice");
    }

    /** The Done page shows it as one line beside the app's address (or name, without a page): a short sentence or two, no layout of its own. */
    private void checkHandOver() {
        String text = def.handOver();
        if (text == null) {
            return;
        }
        require(!text.isBlank() && text.length() <= HAND_OVER_MAX && text.lines().count() == 1, "handOver",
                "must be one line of at most " + HAND_OVER_MAX + " characters (use a folded block '>-'): how the person signs in,"
                        + " or what is left to do and why");
    }

    /** A link {@code berth status} and {@code berth update} print beside a newer tag; {version} is the only placeholder. */
    private void checkReleaseNotes() {
        String link = def.releaseNotes();
        if (link == null) {
            return;
        }
        boolean valid;
        try {
            java.net.URI uri = new java.net.URI(link.replace("{version}", "1.0.0"));
            valid = "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            valid = false;
        }
        require(valid && !link.replace("{version}", "").contains("{"), "releaseNotes",
                "must be an https link, with {version} where the version goes (e.g. https://github.com/Sonarr/Sonarr/releases"
                        + " or https://github.com/qdm12/gluetun/releases/tag/v{version}); leave it out when no notes are published");
    }

    private void checkDownloadClient() {
        DownloadClientSpec client = def.downloadClient();
        if (client == null) {
            return;
        }
        require(client.implementation() != null && client.implementation().matches("[A-Z][A-Za-z0-9]*"), "downloadClient.implementation",
                "must be the provider's name in the *arr apps' API (QBittorrent, Transmission, Nzbget, Sabnzbd)");
        require(DownloadClientSpec.TORRENT.equals(client.protocol()) || DownloadClientSpec.USENET.equals(client.protocol()),
                "downloadClient.protocol", "must be torrent or usenet");
        require((client.username() == null) == (client.passwordSecret() == null), "downloadClient",
                "needs both 'username' and 'passwordSecret', or neither (an API key only)");
        if (client.passwordSecret() != null) {
            require(def.passwords().stream().anyMatch(p -> p.secret().equals(client.passwordSecret())), "downloadClient.passwordSecret",
                    "must name one of the service's own 'passwords' (Berth generates it)");
        }
        require(client.username() != null || def.apiKey().isPresent(), "downloadClient",
                "needs a sign-in: 'username' with 'passwordSecret', or 'api.key'");
        require(client.urlBase() == null || client.urlBase().startsWith("/"), "downloadClient.urlBase", "must start with '/'");
        checkSettingsFiles(client);
    }

    /** Each settings file lives in the app's /config folder, which the planner mounts from the config root. */
    private void checkSettingsFiles(DownloadClientSpec client) {
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (int i = 0; i < client.settingsFiles().size(); i++) {
            SettingsFileSpec file = client.settingsFiles().get(i);
            String field = "downloadClient.settingsFiles[" + i + "]";
            String path = file.path();
            require(path != null && insideFolder(path),
                    field + ".path", "must be a file path inside the app's /config folder, without '..' (e.g. qBittorrent/qBittorrent.conf)");
            require(path == null || paths.add(path), field + ".path", "names the same file as an earlier entry; list each file once");
            require(file.format() != null && file.format().matches("[a-z][a-z0-9-]*"), field + ".format",
                    "must name a settings-file format Berth knows (qbittorrent, qbittorrent-categories, transmission, nzbget, sabnzbd)");
            require(file.startFrom() == null || !file.startFrom().isBlank(), field + ".startFrom",
                    "is empty: give the text a new file starts from, or leave 'startFrom' out");
        }
        if (!client.settingsFiles().isEmpty()) {
            require(def.volumes().stream().anyMatch(v -> v.kind() == VolumeSpec.Kind.CONFIG && "/config".equals(v.target())),
                    "downloadClient.settingsFiles", "needs a 'config' volume at /config: the files are written into the app's config folder");
        }
    }

    /**
     * A password or key with no file variable reaches the app only through its settings file, so
     * the app must have one; otherwise Berth would make a secret the app never sees.
     */
    private void requireSecretsReachTheApp() {
        boolean hasFiles = def.downloadClient() != null && !def.downloadClient().settingsFiles().isEmpty();
        // An app with a library gets its sign-in password through its API after the deploy (WiringPlan);
        // an app with a setup gets its first user's password through its first-run API (AppSetup).
        boolean setThroughApi = def.library() != null || def.setup() != null;
        for (int i = 0; i < def.passwords().size(); i++) {
            require(def.passwords().get(i).fileVariable() != null || hasFiles || setThroughApi, "passwords[" + i + "].fileVariable",
                    "is required unless 'downloadClient.settingsFiles' writes the password into the app's own settings file,"
                    + " or the app has a 'library' or a 'setup' (Berth sets its sign-in through its API)");
        }
        if (def.apiKey().isPresent() && !def.apiKey().get().madeByApp()) {
            // An app Berth sets up through its API may have made its own key before Berth could give one; its setup
            // reads it back and keeps it in the secret (Seerr, Bazarr).
            boolean readBack = def.setup() != null;
            require(def.apiKey().get().fileVariable() != null || hasFiles || readBack, "api.key.fileVariable",
                    "is required unless 'downloadClient.settingsFiles' writes the key into the app's own settings file,"
                    + " or 'setup' names the code that reads the key the app made (Seerr, Bazarr)");
        }
    }

    private void checkMetrics() {
        MetricsSpec metrics = def.metrics();
        if (metrics == null) {
            return;
        }
        require(notBlank(metrics.exporter()), "metrics.exporter", "must name the exporter service (e.g. exportarr)");
        requireKeyFor("metrics", "the exporter");
        require(def.exporter() == null, "metrics", "an exporter cannot itself be read by an exporter");
    }

    private void checkExporter() {
        ExporterSpec exporter = def.exporter();
        if (exporter == null) {
            return;
        }
        requireVariable(exporter.urlVariable(), "exporter.urlVariable", "the variable that takes the app's URL");
        requireVariable(exporter.apiKeyFileVariable(), "exporter.apiKeyFileVariable",
                "the variable that takes the file holding the app's API key");
        require(notBlank(exporter.reads()), "exporter.reads",
                "must say what Prometheus gets from it, for the person (e.g. 'queue and library figures')");
        require(def.web() != null, "exporter", "needs 'web': its port is where Prometheus collects the figures");
    }

    void requireSecretName(String name, String field, String suffix) {
        require(name != null && SECRET_NAME.matcher(name).matches(), field,
                "must be a secret name: lower-case letters, digits and '_', starting with a letter (e.g. "
                        + def.id().replace('-', '_') + suffix + ")");
    }

    private void requireSection(String value, String field, String what) {
        require(value != null && SECTION.matcher(value).matches(), field,
                "must be lower-case letters, digits and '_', starting with a letter: " + what);
    }

    private void requireKeyFor(String field, String helper) {
        require(def.apiKey().isPresent(), field, "needs 'api.key': " + helper + " calls the app's API with its key");
    }

    private void requireVariable(String name, String field, String what) {
        require(name != null && ENV_NAME.matcher(name).matches(), field, "must be a variable name: " + what);
    }

    private void checkVolume(VolumeSpec v, String field) {
        if (v.kind() == null) {
            fail(field + ".kind", "is required");
            return;
        }
        if (v.kind() == VolumeSpec.Kind.STACK) {
            require(v.target() == null && v.source() == null, field,
                    "'stack' mounts the stack folder at its own path: leave 'target' and 'source' out");
            return;
        }
        require(v.target() != null && v.target().startsWith("/"), field + ".target", "must be an absolute path in the container");
        switch (v.kind()) {
            case GENERATED -> require(notBlank(v.source()) && !v.source().startsWith("/") && !v.source().contains(".."),
                    field + ".source", "must name a file under config/" + def.id() + "/");
            case HOST -> require(notBlank(v.source()) && v.source().startsWith("/"), field + ".source",
                    "must be an absolute host path");
            case NAMED -> require(notBlank(v.source()) && ID.matcher(v.source()).matches(), field + ".source",
                    "must be a volume name (lower-case letters, digits, '-')");
            default -> { }
        }
    }

    private void checkDuration(String value, String field) {
        if (value != null) {
            require(DURATION.matcher(value).matches(), field, "must be a Compose duration such as 30s or 1m30s");
        }
    }

    void requirePort(int port, String field) {
        require(port >= 1 && port <= 65535, field, "must be between 1 and 65535");
    }

    void require(boolean ok, String field, String message) {
        if (!ok) {
            fail(field, message);
        }
    }

    private void fail(String field, String message) {
        problems.accept(file + ": field '" + field + "': " + message);
    }

    /** A relative file path that stays inside its folder: no leading or trailing '/', no empty, '.' or '..' part. */
    static boolean insideFolder(String path) {
        return !path.isBlank() && !path.startsWith("/") && !path.endsWith("/")
                && java.util.Arrays.stream(path.split("/")).noneMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."));
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}

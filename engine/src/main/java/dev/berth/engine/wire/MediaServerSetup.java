package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.answers.MediaAnswers;
import dev.berth.answers.MediaDefaults;
import dev.berth.catalog.ApiKey;
import dev.berth.catalog.GeneratedPassword;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.render.Links;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Jellyfin's and Emby's first run and libraries ({@code setup.kind: jellyfin} and {@code emby}), through
 * {@link MediaServerClient}; where their APIs differ is {@link MediaServerApi}'s. Emby's startup
 * configuration has no server name: Berth names it through its settings right after the first run.
 *
 * <ul>
 *   <li>Only while its startup wizard is incomplete: the server name, UI culture and metadata
 *       language and country (the answers, else {@link MediaDefaults} from the time zone), the
 *       first user {@value #USER} with the password Berth generated ({@code passwords[0]}),
 *       remote access (on only with a domain, where people come in through the proxy), and the
 *       wizard completed. That admin is handed over once.</li>
 *   <li>A server whose first run someone else did is never renamed, and no user is made or
 *       changed: the link is LEFT_ALONE and says how to add the libraries, or how to give Berth a
 *       key of the person's own (then Berth adds the libraries with it).</li>
 *   <li>Libraries from {@link MediaLibrary#wanted}: one that exists by name or by folder is left as it is.</li>
 *   <li>An API key named "Berth", kept as the made secret {@code api.key.secret} (Homepage's widget
 *       reads it); with that key a later run signs in without a password and writes nothing.</li>
 * </ul>
 */
public final class MediaServerSetup implements AppSetup {
    /** The first user's name: the same sign-in name as every app Berth sets up ({@link WiringPlan#SIGN_IN_USER}). */
    static final String USER = WiringPlan.SIGN_IN_USER;
    /** The API key's name in the server's list (Dashboard → API Keys). */
    static final String KEY_APP = "Berth";
    /** Memory: Berth did the first run (value: the user it made). */
    static final String FIRST_RUN = "firstrun";
    private static final String LIBRARY = "library:";

    private final StackPlan plan;
    private final PlannedService service;
    private final List<MediaLibrary> libraries;
    private final MediaServerApi api;
    private final String passwordSecret;
    private final String keySecret;

    public MediaServerSetup(StackPlan plan, PlannedService service, List<MediaLibrary> libraries, MediaServerApi api) {
        this.plan = plan;
        this.service = service;
        this.libraries = List.copyOf(libraries);
        this.api = api;
        String file = "services/" + service.definition().id() + ".yaml";
        this.passwordSecret = service.definition().passwords().stream().map(GeneratedPassword::secret).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " needs passwords: [{ secret: <id>_password }]: the first user's password"));
        ApiKey key = service.definition().apiKey().filter(ApiKey::madeByApp)
                .orElseThrow(() -> new IllegalArgumentException(file + " needs api.key with madeBy: app: the key the server makes for Berth"));
        this.keySecret = key.secret();
    }

    @Override
    public String service() {
        return service.name();
    }

    @Override
    public String displayName() {
        return service.displayName();
    }

    @Override
    public Phase phase() {
        return Phase.BEFORE_ARR_APPS;
    }

    @Override
    public SetupResult apply(SetupContext context) throws InterruptedException {
        try (MediaServerClient client = client(context)) {
            Run run = new Run(context, client);
            run.apply();
            return new SetupResult(run.links, client.writes(), run.memory, run.madeSecrets, run.credentials);
        }
    }

    @Override
    public List<Link> testOnly(SetupContext context) throws InterruptedException {
        String key = context.secrets().getOrDefault(keySecret, "");
        try (MediaServerClient client = client(context)) {
            if (!client.wizardCompleted()) {
                return List.of(link("first run", Link.Status.NEEDS_ATTENTION, "Its first run is not done yet: run berth wire."));
            }
            if (key.isEmpty()) {
                return List.of(link("first run", Link.Status.LEFT_ALONE, leftAlone()));
            }
            // The same rows as a run that sets it up, read with the key Berth kept: not one write.
            List<Link> links = new ArrayList<>();
            links.add(context.memory().containsKey(FIRST_RUN) ? link("first run", Link.Status.OK, "")
                    : link("first run", Link.Status.LEFT_ALONE, "Done by you: Berth renamed nothing and made no user."));
            client.useToken(key);
            List<ObjectNode> present;
            try {
                client.apiKeys();
                present = client.libraries();
            } catch (MediaServerException e) {
                links.add(link("API key", Link.Status.NEEDS_ATTENTION, e.getMessage() + ". The key in secrets/" + keySecret
                        + " no longer opens " + displayName() + ": empty that file and run berth wire to make a new one."));
                return links;
            }
            for (MediaLibrary library : libraries) {
                links.add(existing(present, library) != null ? link("library " + library.name(), Link.Status.OK, "")
                        : link("library " + library.name(), Link.Status.NEEDS_ATTENTION, "There is no library over " + library.path()
                                + " in " + displayName() + ": run berth wire to add it."));
            }
            links.add(link("API key", Link.Status.OK, ""));
            return links;
        } catch (MediaServerException e) {
            return List.of(link("setup", Link.Status.NEEDS_ATTENTION, e.getMessage() + ". Check that it runs (berth status)."));
        }
    }

    /**
     * Whether the server's own settings file on the target says its first run is done
     * ({@link MediaServerApi#wizardStateFile()}). A file that is absent or cannot be read says
     * nothing, and the API's answer stands.
     */
    static boolean wizardDoneOnDisk(SetupContext context, MediaServerApi api) {
        if (api.wizardStateFile() == null || context.files().isEmpty()) {
            return false;
        }
        return context.service().hostFolder("/config")
                .map(folder -> folder.replaceAll("/+$", "") + "/" + api.wizardStateFile())
                .map(path -> {
                    try {
                        if (context.files().get().stat(path).isEmpty()) {
                            return false;
                        }
                        String xml = new String(context.files().get().read(path), java.nio.charset.StandardCharsets.UTF_8);
                        return xml.replaceAll("\\s+", "").contains("<IsStartupWizardCompleted>true</IsStartupWizardCompleted>");
                    } catch (dev.berth.engine.target.TargetException e) {
                        return false;
                    }
                })
                .orElse(false);
    }

    private MediaServerClient client(SetupContext context) {
        // One device for Berth per stack: signing in again replaces its session instead of adding devices.
        return new MediaServerClient(context.base(), api, "berth-" + plan.projectName(), displayName());
    }

    /** One run's links and what it made. */
    private final class Run {
        private final SetupContext context;
        private final MediaServerClient client;
        private final List<Link> links = new ArrayList<>();
        private final Map<String, String> memory;
        private final Map<String, String> madeSecrets = new TreeMap<>();
        private final List<Credential> credentials = new ArrayList<>();

        Run(SetupContext context, MediaServerClient client) {
            this.context = context;
            this.client = client;
            this.memory = new TreeMap<>(context.memory());
        }

        void apply() throws InterruptedException {
            String key = context.secrets().getOrDefault(keySecret, "");
            boolean berthsServer = memory.containsKey(FIRST_RUN);
            boolean firstRunNow = false;
            String step = "first run";
            try {
                if (!client.wizardCompleted() && !wizardDoneOnDisk(context, api)) {
                    firstRun();
                    berthsServer = true;
                    firstRunNow = true;
                    links.add(link("first run", Link.Status.OK, ""));
                } else if (!berthsServer && key.isEmpty()) {
                    links.add(link("first run", Link.Status.LEFT_ALONE, leftAlone()));
                    return;
                } else {
                    // The same rows on every run: the first run Berth did earlier, or the person's own.
                    links.add(berthsServer ? link("first run", Link.Status.OK, "") : link("first run", Link.Status.LEFT_ALONE,
                            displayName() + "'s first run was done by you: Berth renamed nothing and made no user, and uses the"
                                    + " key in secrets/" + keySecret + "."));
                }
                step = "sign-in";
                boolean withKey = !key.isEmpty() && keyAccepted(key);
                if (!withKey) {
                    if (!berthsServer) {
                        links.add(link("sign-in", Link.Status.NEEDS_ATTENTION, displayName() + " did not accept the key in secrets/"
                                + keySecret + ": make an API key in its " + api.keysPage() + ", write it into that file and run berth wire."));
                        return;
                    }
                    signIn();
                }
                if (firstRunNow && !api.namesServerAtStartup()) {
                    nameServer();
                }
                for (MediaLibrary library : libraries) {
                    // One library the server refuses (its folder is missing) leaves the others and the key to be made.
                    try {
                        links.add(library(library));
                    } catch (MediaServerException e) {
                        links.add(link("library " + library.name(), Link.Status.NEEDS_ATTENTION, e.getMessage() + ". "
                                + whatToDo("library " + library.name())));
                    }
                }
                if (!withKey) {
                    step = "API key";
                    madeSecrets.put(keySecret, makeKey());
                }
                links.add(link("API key", Link.Status.OK, ""));
            } catch (MediaServerException e) {
                links.add(link(step, Link.Status.NEEDS_ATTENTION, e.getMessage() + ". " + whatToDo(step)));
            }
        }

        private void firstRun() throws MediaServerException, InterruptedException {
            MediaAnswers media = MediaDefaults.resolved(plan.answers().media(), plan.answers().storage().timeZone());
            client.startupConfiguration(media.serverName(), uiCulture(media), media.metadataCountry(), media.metadataLanguage());
            client.firstUser(); // Jellyfin makes its first user here; the next call renames it (Emby made it at start)
            client.startupUser(USER, context.secrets().get(passwordSecret));
            // People come in from outside only through the proxy, with a domain; a LAN-only stack stays on the LAN.
            client.remoteAccess(plan.answers().access().proxyEnabled());
            client.completeStartup();
            memory.put(FIRST_RUN, USER);
            credentials.add(new Credential(displayName(), Links.url(plan, service), USER, passwordSecret, true));
        }

        /** Emby's startup takes no server name, so it is set in its settings once, as the admin Berth just made. */
        private void nameServer() throws InterruptedException {
            String name = MediaDefaults.resolved(plan.answers().media(), plan.answers().storage().timeZone()).serverName();
            try {
                client.nameServer(name);
            } catch (MediaServerException e) {
                // Only the name: the libraries and the key still follow.
                links.add(link("server name", Link.Status.NEEDS_ATTENTION, e.getMessage() + ". " + displayName()
                        + " keeps the name it chose; give it the name " + name + " in its settings if you like."));
            }
        }

        private boolean keyAccepted(String key) throws MediaServerException, InterruptedException {
            client.useToken(key);
            try {
                client.apiKeys();
                return true;
            } catch (MediaServerException e) {
                if (e.status() == 401 || e.status() == 403) {
                    client.useToken(null);
                    return false;
                }
                throw e;
            }
        }

        private void signIn() throws MediaServerException, InterruptedException {
            try {
                client.signIn(USER, context.secrets().get(passwordSecret));
            } catch (MediaServerException e) {
                if (e.status() == 401 || e.status() == 403) {
                    throw new MediaServerException(e.status(), displayName() + " did not accept the user " + USER
                            + " with the password in secrets/" + passwordSecret + " (changed in " + displayName() + "?)", e.reason(), e);
                }
                throw e;
            }
        }

        private Link library(MediaLibrary library) throws MediaServerException, InterruptedException {
            ObjectNode existing = existing(client.libraries(), library);
            if (existing != null) {
                memory.putIfAbsent(LIBRARY + library.name(), library.path());
                return link("library " + library.name(), Link.Status.OK, "");
            }
            MediaAnswers media = MediaDefaults.resolved(plan.answers().media(), plan.answers().storage().timeZone());
            client.addLibrary(library.name(), library.type(), library.path(), media.metadataLanguage(), media.metadataCountry());
            memory.put(LIBRARY + library.name(), library.path());
            return link("library " + library.name(), Link.Status.OK, "");
        }

        /** Makes a key named "Berth" and finds it: the server answers 204 without it, so the list before and after tells it. */
        private String makeKey() throws MediaServerException, InterruptedException {
            Set<String> before = new HashSet<>();
            client.apiKeys().forEach(k -> before.add(k.path("AccessToken").asText()));
            client.createApiKey(KEY_APP);
            String made = null;
            for (ObjectNode k : client.apiKeys()) {
                String token = k.path("AccessToken").asText("");
                if (KEY_APP.equals(k.path("AppName").asText()) && !token.isEmpty() && !before.contains(token)) {
                    made = token;
                }
            }
            if (made == null) {
                throw new MediaServerException(200, displayName() + " made no API key named " + KEY_APP + " when asked", "", null);
            }
            return made;
        }

        private String whatToDo(String step) {
            if (step.startsWith("library ")) {
                return "Check that the folder exists under the data root on the server (berth deploy makes it) and that "
                        + displayName() + " may read it, then run berth wire.";
            }
            if (step.equals("sign-in")) {
                return "Put that password back for " + USER + " in " + displayName() + " (" + api.usersPage() + "), or make an API key in "
                        + api.keysPage() + " and write it into secrets/" + keySecret + ", then run berth wire.";
            }
            return "Open " + displayName() + " at " + Links.url(plan, service) + " to see where it stopped, then run berth wire.";
        }
    }

    /** What Berth leaves to the person on a server whose first run they did themselves. */
    private String leftAlone() {
        List<String> named = libraries.stream().map(l -> l.name() + " (" + l.path() + ")").toList();
        return displayName() + "'s first run was done before Berth set it up, so Berth renamed nothing and made no user. Add the"
                + " libraries " + String.join(", ", named) + " in its " + api.librariesPage() + ", or make an API key in "
                + api.keysPage() + ", write it into secrets/" + keySecret + " and run berth wire: Berth then adds them.";
    }

    /** A library over the folder, or with the name: the person's own is left as it is. */
    private static ObjectNode existing(List<ObjectNode> present, MediaLibrary library) {
        for (ObjectNode folder : present) {
            if (folder.path("Name").asText("").equalsIgnoreCase(library.name())) {
                return folder;
            }
            for (JsonNode location : folder.path("Locations")) {
                if (location.asText("").replaceAll("/+$", "").equals(library.path())) {
                    return folder;
                }
            }
        }
        return null;
    }

    /**
     * Jellyfin's (and Emby's) UI cultures are a language, with a country only where it has several (en-US,
     * en-GB, pt-BR, pt-PT, zh-CN, zh-TW); an unknown one falls back to English in its web client.
     */
    static String uiCulture(MediaAnswers media) {
        String language = media.metadataLanguage();
        String country = media.metadataCountry();
        return switch (language) {
            case "en" -> "GB".equals(country) ? "en-GB" : "en-US";
            case "pt" -> "BR".equals(country) ? "pt-BR" : "pt-PT";
            case "zh" -> "TW".equals(country) || "HK".equals(country) ? "zh-TW" : "zh-CN";
            default -> language.toLowerCase(Locale.ROOT);
        };
    }

    private Link link(String to, Link.Status status, String detail) {
        return new Link(displayName(), to, status, detail);
    }
}

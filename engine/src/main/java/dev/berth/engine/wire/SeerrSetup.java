package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.catalog.QualityProfileSpec;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seerr's first run, as its setup pages do it (seerr-team/seerr v3.1.0: {@code server/routes/auth.ts}
 * {@code POST /auth/jellyfin}, {@code server/routes/settings/index.ts}, {@code settings/sonarr.ts},
 * {@code radarr.ts}): sign in with the media server's admin, which makes that user Seerr's admin and
 * gives Seerr the server's address; every library on; Sonarr and Radarr with the quality profile and
 * root folder Seerr's own test reads from them; then finish.
 *
 * <p>Seerr makes its API key itself, and its API description marks it read-only ({@code MainSettings.apiKey}):
 * Berth reads it once signed in and keeps it as {@code secrets/seerr_api_key} (a made secret), where
 * Homepage's widget reads it and the next render keeps it.
 *
 * <p>Only while Seerr's setup is unfinished: a Seerr that was set up before Berth ever did is the
 * person's and left alone. Once Berth set it up, a run only proves the links (no write).
 */
final class SeerrSetup implements AppSetup {
    /** Seerr's {@code MediaServerType} for the media servers it signs in with by user and password. */
    private static final Map<String, Integer> SERVER_TYPES = Map.of("jellyfin", 2, "emby", 3);
    private static final String DONE = "setup";
    /** {@code MediaServerType.NOT_CONFIGURED}: no media server signed in yet. */
    private static final int NOT_CONFIGURED = 4;

    private final StackPlan plan;
    private final PlannedService seerr;

    SeerrSetup(StackPlan plan, PlannedService seerr) {
        this.plan = plan;
        this.seerr = seerr;
    }

    @Override
    public String service() {
        return seerr.name();
    }

    @Override
    public String displayName() {
        return seerr.displayName();
    }

    @Override
    public Phase phase() {
        return Phase.AFTER_ARR_APPS;
    }

    @Override
    public SetupResult apply(SetupContext context) throws InterruptedException {
        Optional<PlannedService> media = mediaServer();
        Map<String, String> made;
        Map<String, String> failures = new java.util.LinkedHashMap<>();
        try (SeerrClient client = new SeerrClient(context.base(), displayName())) {
            try {
                boolean initialized = client.publicSettings().path("initialized").asBoolean(false);
                if (initialized && !context.memory().containsKey(DONE)) {
                    return SetupResult.of(all(media, Link.Status.LEFT_ALONE, "Seerr was set up before Berth set it up:"
                            + " Berth leaves its settings as they are."), context.memory());
                }
                if (initialized) {
                    return SetupResult.of(prove(client, seerrKey(context), media), context.memory());
                }
                if (media.isEmpty() || !SERVER_TYPES.containsKey(kind(media.get()))) {
                    return SetupResult.of(all(media, Link.Status.NEEDS_ATTENTION, plexSteps(media)), context.memory());
                }
                String password = context.secrets().get(media.get().definition().id() + "_password");
                if (password == null) {
                    return SetupResult.of(all(media, Link.Status.NEEDS_ATTENTION, "Berth has no admin password for "
                            + media.get().displayName() + " (secrets/" + media.get().definition().id() + "_password): set "
                            + media.get().displayName() + " up first, then run berth wire."), context.memory());
                }
                made = firstRun(client, context, media.get(), password, failures);
            } catch (ArrException e) {
                return new SetupResult(all(media, Link.Status.NEEDS_ATTENTION, e.getMessage()
                        + ". Berth tries again with berth wire; to set Seerr up yourself, open it and follow its pages."),
                        client.writes(), context.memory(), Map.of(), List.of());
            }
            List<Link> links = prove(client, made.getOrDefault(keyName(), seerrKey(context)), media).stream()
                    .map(l -> failures.containsKey(l.to()) ? new Link(l.from(), l.to(), Link.Status.NEEDS_ATTENTION, failures.get(l.to())) : l)
                    .toList();
            // Unfinished while an app is missing: the next run adds it, then finishes.
            return new SetupResult(links, client.writes(), failures.isEmpty() ? Map.of(DONE, "1") : context.memory(), made, List.of());
        }
    }

    @Override
    public List<Link> testOnly(SetupContext context) throws InterruptedException {
        Optional<PlannedService> media = mediaServer();
        if (!context.memory().containsKey(DONE)) {
            return all(media, Link.Status.LEFT_ALONE, "Berth has not set Seerr up (run berth wire), or you did.");
        }
        try (SeerrClient client = new SeerrClient(context.base(), displayName())) {
            return prove(client, seerrKey(context), media);
        }
    }

    /**
     * Everything up to finishing; Seerr is finished only when every *arr app was added, so a run
     * after one that could not reach an app adds it then.
     *
     * @param failures filled with each *arr app Seerr could not add (display name → what to do)
     * @return Seerr's own key, when it is not the one in {@code secrets/} yet
     */
    private Map<String, String> firstRun(SeerrClient client, SetupContext context, PlannedService media, String password,
                                         Map<String, String> failures) throws ArrException, InterruptedException {
        ObjectNode signIn = SetupHttp.JSON.createObjectNode()
                .put("username", WiringPlan.SIGN_IN_USER).put("password", password)
                .put("email", WiringPlan.SIGN_IN_USER).put("serverType", SERVER_TYPES.get(kind(media)));
        if (client.publicSettings().path("mediaServerType").asInt(NOT_CONFIGURED) == NOT_CONFIGURED) {
            // Seerr refuses a server address once it has one (an earlier run that did not finish gave it).
            signIn.put("hostname", media.address()).put("port", media.webPort()).put("urlBase", "").put("useSsl", false);
        }
        client.signInWithMediaServer(signIn);
        String key = client.mainSettings().path("apiKey").asText("");
        if (key.isEmpty()) {
            throw new ArrException(200, "Seerr told no API key in its main settings", "");
        }
        client.useKey(key);
        List<String> ids = new ArrayList<>();
        for (JsonNode library : client.syncLibraries()) {
            ids.add(library.path("id").asText());
        }
        if (!ids.isEmpty()) {
            client.enableLibraries(ids);
        }
        for (PlannedService app : arrApps()) {
            SeerrClient.Servarr kind = servarr(app).orElseThrow();
            boolean there = client.instances(kind).stream()
                    .anyMatch(i -> i.path("hostname").asText().equals(app.address()) && i.path("port").asInt() == app.webPort());
            try {
                if (!there) {
                    client.add(kind, instance(client, context, app, kind));
                }
            } catch (ArrException e) {
                failures.put(app.displayName(), e.getMessage() + ". Check that " + app.displayName()
                        + " runs (berth status), then run berth wire: Berth adds it and finishes Seerr's setup then.");
            }
        }
        if (failures.isEmpty()) {
            client.initialize();
        }
        return key.equals(seerrKey(context)) ? Map.of() : Map.of(keyName(), key);
    }

    /** The instance as Seerr's own setup page adds it, with a profile and root folder its test read from the app. */
    private ObjectNode instance(SeerrClient client, SetupContext context, PlannedService app, SeerrClient.Servarr kind)
            throws ArrException, InterruptedException {
        ObjectNode connection = connection(context, app);
        JsonNode found = client.test(kind, connection);
        JsonNode profile = pick(found.path("profiles"), "name", wantedProfile(app));
        JsonNode folder = pick(found.path("rootFolders"), "path", app.definition().library().rootFolder());
        if (profile == null || folder == null) {
            throw new ArrException(400, SeerrClient.name(kind) + " has no " + (profile == null ? "quality profile" : "root folder")
                    + " for Seerr to use", "");
        }
        ObjectNode instance = connection.deepCopy();
        instance.put("name", app.displayName())
                .put("activeProfileId", profile.path("id").asInt()).put("activeProfileName", profile.path("name").asText())
                .put("activeDirectory", folder.path("path").asText())
                .put("is4k", false).put("isDefault", true).put("enableSeasonFolders", true)
                .put("externalUrl", "").put("syncEnabled", true).put("preventSearch", false);
        if (kind == SeerrClient.Servarr.RADARR) {
            instance.put("minimumAvailability", "released"); // required for Radarr; RadarrModal's default
        }
        return instance;
    }

    /** Seerr's own tests of what it holds: the media server through its users, each *arr app through its test. */
    private List<Link> prove(SeerrClient client, String key, Optional<PlannedService> media) throws InterruptedException {
        client.useKey(key);
        List<Link> links = new ArrayList<>();
        media.ifPresent(m -> links.add(check(m.displayName(), () -> {
            client.mediaServerUsers();
            return null;
        })));
        for (PlannedService app : arrApps()) {
            SeerrClient.Servarr kind = servarr(app).orElseThrow();
            links.add(check(app.displayName(), () -> {
                JsonNode held = client.instances(kind).stream()
                        .filter(i -> i.path("hostname").asText().equals(app.address()) && i.path("port").asInt() == app.webPort())
                        .findFirst().orElse(null);
                if (held == null) {
                    return "Seerr has no " + app.displayName() + " at " + app.address() + ":" + app.webPort()
                            + " any more (removed in its Settings → Services): Berth leaves it so.";
                }
                ObjectNode connection = SetupHttp.JSON.createObjectNode();
                for (String field : List.of("hostname", "port", "apiKey", "useSsl", "baseUrl")) {
                    if (held.has(field)) {
                        connection.set(field, held.get(field));
                    }
                }
                client.test(kind, connection);
                return null;
            }));
        }
        return links;
    }

    /** One of Seerr's tests: null when it passed, else why Berth left the link as the person made it. */
    private interface Check {
        String run() throws ArrException, InterruptedException;
    }

    private Link check(String to, Check check) {
        try {
            String leftAlone = check.run();
            return leftAlone == null ? new Link(displayName(), to, Link.Status.OK, "")
                    : new Link(displayName(), to, Link.Status.LEFT_ALONE, leftAlone);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Link(displayName(), to, Link.Status.NEEDS_ATTENTION, "Stopped before it was proved: run berth wire.");
        } catch (ArrException e) {
            if (e.status() == 403) {
                return new Link(displayName(), to, Link.Status.NEEDS_ATTENTION, "Seerr did not accept the key in secrets/" + keyName()
                        + " (made anew in its Settings → General?): copy Seerr's key into that file, then run berth wire.");
            }
            return new Link(displayName(), to, Link.Status.NEEDS_ATTENTION, e.getMessage()
                    + ". Check in Seerr's Settings that " + to + " is there and runs (berth status), then run berth wire.");
        }
    }

    private ObjectNode connection(SetupContext context, PlannedService app) {
        String key = context.secrets().get(app.definition().apiKey().orElseThrow().secret());
        return SetupHttp.JSON.createObjectNode().put("hostname", app.address()).put("port", app.webPort()).put("apiKey", key)
                .put("useSsl", false).put("baseUrl", "");
    }

    /** The profile Recyclarr keeps in the app (the person's choice or the catalog's default), when the app has it. */
    private String wantedProfile(PlannedService app) {
        var recyclarr = app.definition().recyclarr();
        if (recyclarr == null || !plan.has("recyclarr")) {
            return null;
        }
        String key = plan.answers().media().qualityProfiles().get(app.definition().id());
        return recyclarr.profile(key).or(() -> recyclarr.profiles().stream().findFirst()).map(QualityProfileSpec::name).orElse(null);
    }

    /** The entry whose {@code field} is {@code wanted}, else the first; null when there is none. */
    private static JsonNode pick(JsonNode entries, String field, String wanted) {
        JsonNode first = null;
        for (JsonNode e : entries) {
            if (wanted != null && wanted.equals(e.path(field).asText())) {
                return e;
            }
            first = first == null ? e : first;
        }
        return first;
    }

    private List<Link> all(Optional<PlannedService> media, Link.Status status, String detail) {
        List<Link> links = new ArrayList<>();
        links.add(new Link(displayName(), media.map(PlannedService::displayName).orElse("media server"), status, detail));
        for (PlannedService app : arrApps()) {
            links.add(new Link(displayName(), app.displayName(), status, detail));
        }
        return links;
    }

    private String plexSteps(Optional<PlannedService> media) {
        String name = media.map(PlannedService::displayName).orElse("your media server");
        List<String> apps = arrApps().stream().map(a -> a.displayName() + " at " + a.address() + ":" + a.webPort() + " (key in secrets/"
                + a.definition().apiKey().orElseThrow().secret() + ")").toList();
        return "Seerr signs in to " + name + " with your own " + name + " account, which Berth never has: open Seerr, sign in with "
                + name + ", choose your server and its libraries, then add " + String.join(" and ", apps)
                + " in Settings → Services.";
    }

    private Optional<PlannedService> mediaServer() {
        return plan.servicesInChosenOrder().stream()
                .filter(s -> s.definition().relations().provides().contains("media-server")).findFirst();
    }

    /** The media server's setup kind (jellyfin, emby, plex), else its id. */
    private static String kind(PlannedService media) {
        return media.definition().setup() != null ? media.definition().setup().kind() : media.definition().id();
    }

    private List<PlannedService> arrApps() {
        return plan.servicesInChosenOrder().stream().filter(s -> servarr(s).isPresent()).toList();
    }

    /** Seerr's API knows Sonarr and Radarr by these names; the other *arr apps it does not serve. */
    private static Optional<SeerrClient.Servarr> servarr(PlannedService s) {
        if (s.definition().library() == null) {
            return Optional.empty();
        }
        return switch (s.definition().id()) {
            case "sonarr" -> Optional.of(SeerrClient.Servarr.SONARR);
            case "radarr" -> Optional.of(SeerrClient.Servarr.RADARR);
            default -> Optional.empty();
        };
    }

    private String seerrKey(SetupContext context) {
        return context.secrets().get(keyName());
    }

    private String keyName() {
        return seerr.definition().apiKey().orElseThrow().secret();
    }
}

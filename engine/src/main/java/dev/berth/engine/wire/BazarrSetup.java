package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.answers.MediaDefaults;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Bazarr connected to Sonarr and Radarr, with a language profile for the subtitle languages of the
 * answers ({@code media.subtitleLanguages}) as the default for new series and films, through the
 * settings form Bazarr's own pages post (morpheus65535/bazarr 1.5, {@code bazarr/api/system/settings.py},
 * {@code bazarr/app/config.py save_settings}).
 *
 * <p>Bazarr makes its own API key at first start and keeps it in {@code config/config.yaml}
 * ({@code auth.apikey}). When it does not take the key in {@code secrets/} (the one the plan made
 * before Bazarr ever ran), Berth reads Bazarr's from that file on the target and keeps it as a made
 * secret, {@code secrets/bazarr_api_key}: Homepage's widget reads it there and the next render keeps it.
 * Bazarr's key is never changed.
 *
 * <p>What Berth set is remembered (a hash of the settings, the profile's id and languages): a
 * connection or profile the person changed since is left alone, and a second run sends nothing.
 */
final class BazarrSetup implements AppSetup {
    /** The name of the language profile Berth makes; the person's own profiles keep theirs. */
    static final String PROFILE = "Berth";
    /** Where Bazarr keeps its settings, inside its {@code /config} folder ({@code bazarr/app/config.py}). */
    static final String CONFIG_FILE = "config/config.yaml";
    private static final String LANGUAGES = "languages";

    /**
     * An *arr app as Bazarr's settings name it: its section and the prefix of its default-profile keys.
     * This is Bazarr's vocabulary: it serves Sonarr and Radarr and no other.
     */
    private record Arr(PlannedService app, String section, String defaults) {
    }

    private final StackPlan plan;
    private final PlannedService bazarr;

    BazarrSetup(StackPlan plan, PlannedService bazarr) {
        this.plan = plan;
        this.bazarr = bazarr;
    }

    @Override
    public String service() {
        return bazarr.name();
    }

    @Override
    public String displayName() {
        return bazarr.displayName();
    }

    @Override
    public Phase phase() {
        return Phase.AFTER_ARR_APPS;
    }

    @Override
    public SetupResult apply(SetupContext context) throws InterruptedException {
        Map<String, String> memory = new TreeMap<>(context.memory());
        Map<String, String> made = Map.of();
        String key = key(context);
        try {
            Optional<String> own = ownKeyIfRefused(context, key);
            if (own.isPresent()) {
                key = own.get();
                made = Map.of(keyName(), key);
            }
        } catch (ArrException e) {
            return failed(e.getMessage(), context.memory(), 0);
        }
        BazarrClient client = new BazarrClient(context.base(), key, displayName());
        try (client) {
            return apply(context, client, memory, made);
        } catch (ArrException e) {
            return failed(e.getMessage() + ". Check Bazarr's Settings, then run berth wire.", context.memory(), client.writes());
        }
    }

    private SetupResult apply(SetupContext context, BazarrClient client, Map<String, String> memory, Map<String, String> made)
            throws ArrException, InterruptedException {
        JsonNode settings = client.settings();
        List<Map.Entry<String, String>> form = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        Set<String> leftAlone = new LinkedHashSet<>();
        for (Arr arr : arrs()) {
            Map<String, String> wanted = connection(context, arr);
            String mine = memory.get(arr.section());
            Map<String, String> now = current(settings, wanted.keySet());
            if (now.equals(wanted)) {
                memory.put(arr.section(), hash(wanted));
            } else if ((mine == null && !settings.path("general").path("use_" + arr.section()).asBoolean(false))
                    || (mine != null && mine.equals(hash(now)))) {
                wanted.forEach((k, v) -> form.add(Map.entry(k, v)));
                memory.put(arr.section(), hash(wanted));
            } else {
                leftAlone.add(arr.section());
            }
        }
        Link languages = languages(client, context, settings, memory, form);
        if (!form.isEmpty()) {
            client.save(form);
        }
        JsonNode saved = form.isEmpty() ? settings : client.settings();
        for (Arr arr : arrs()) {
            links.add(leftAlone.contains(arr.section())
                    ? new Link(displayName(), arr.app().displayName(), Link.Status.LEFT_ALONE,
                            "Bazarr's " + arr.app().displayName() + " settings were changed by hand: Berth leaves them as they are.")
                    : test(client, saved, arr));
        }
        links.add(languages);
        return new SetupResult(links, client.writes(), memory, made, List.of());
    }

    @Override
    public List<Link> testOnly(SetupContext context) throws InterruptedException {
        try (BazarrClient client = new BazarrClient(context.base(), key(context), displayName())) {
            JsonNode settings = client.settings();
            List<Link> links = new ArrayList<>();
            for (Arr arr : arrs()) {
                links.add(context.memory().containsKey(arr.section()) ? test(client, settings, arr)
                        : new Link(displayName(), arr.app().displayName(), Link.Status.LEFT_ALONE, "Not set by Berth."));
            }
            return links;
        } catch (ArrException e) {
            return failed(e.getMessage() + ". Check that Bazarr runs (berth status), then run berth wire.", Map.of(), 0).links();
        }
    }

    /**
     * The language profile for the subtitle languages, the languages turned on, and the profile as the
     * default for new series and films. Adds to {@code form}; the link says what became of it.
     */
    private Link languages(BazarrClient client, SetupContext context, JsonNode settings, Map<String, String> memory,
                           List<Map.Entry<String, String>> form) throws ArrException, InterruptedException {
        List<String> wanted = MediaDefaults.resolved(plan.answers().media(), plan.answers().storage().timeZone()).subtitleLanguages();
        String to = "subtitle languages (" + String.join(", ", wanted) + ")";
        Set<String> known = new LinkedHashSet<>();
        Set<String> enabled = new LinkedHashSet<>();
        for (JsonNode l : client.languages()) {
            known.add(l.path("code2").asText());
            if (l.path("enabled").asBoolean(false)) {
                enabled.add(l.path("code2").asText());
            }
        }
        List<String> unknown = wanted.stream().filter(code -> !known.contains(code)).toList();
        if (!unknown.isEmpty()) {
            return new Link(displayName(), to, Link.Status.NEEDS_ATTENTION, "Bazarr does not know the language code "
                    + String.join(", ", unknown) + ": change media.subtitleLanguages to ISO 639-1 codes Bazarr lists, then run berth deploy.");
        }
        ArrayNode profiles = (ArrayNode) client.profiles();
        Optional<Remembered> mine = Remembered.decode(memory.get(LANGUAGES));
        ObjectNode profile = null;
        int nextId = 1;
        for (JsonNode p : profiles) {
            nextId = Math.max(nextId, p.path("profileId").asInt() + 1);
            boolean ours = mine.map(m -> m.id() == p.path("profileId").asInt()).orElse(PROFILE.equals(p.path("name").asText()));
            if (ours) {
                profile = (ObjectNode) p;
            }
        }
        if (profile == null && mine.isPresent()) {
            return new Link(displayName(), to, Link.Status.LEFT_ALONE, "The language profile Berth made was removed in Bazarr:"
                    + " Berth leaves your profiles as they are.");
        }
        List<String> now = profile == null ? List.of() : codes(profile);
        if (profile != null && !now.equals(wanted) && !mine.map(m -> m.codes().equals(now)).orElse(false)) {
            return new Link(displayName(), to, Link.Status.LEFT_ALONE, "Bazarr's profile " + PROFILE + " has languages you chose ("
                    + String.join(", ", now) + "): Berth leaves them as they are.");
        }
        if (profile == null) {
            profile = profiles.addObject().put("profileId", nextId).put("name", PROFILE);
            profile.set("cutoff", NullNode.getInstance());
            profile.putArray("mustContain");
            profile.putArray("mustNotContain");
            profile.set("originalFormat", NullNode.getInstance());
            profile.set("tag", NullNode.getInstance());
        }
        int id = profile.path("profileId").asInt();
        if (!now.equals(wanted)) {
            ArrayNode items = profile.putArray("items");
            for (int i = 0; i < wanted.size(); i++) {
                items.addObject().put("id", i + 1).put("language", wanted.get(i))
                        .put("audio_exclude", "False").put("hi", "False").put("forced", "False");
            }
            // Bazarr replaces the whole list and deletes a profile left out: every profile goes back as read.
            form.add(Map.entry("languages-profiles", SetupHttp.JSON.valueToTree(profiles).toString()));
        }
        if (!enabled.containsAll(wanted)) {
            Set<String> on = new LinkedHashSet<>(enabled);
            on.addAll(wanted); // Bazarr turns off every language the form leaves out
            on.forEach(code -> form.add(Map.entry("languages-enabled", code)));
        }
        JsonNode general = settings.path("general");
        for (Arr arr : arrs()) {
            // A default the person set (another profile) stays theirs.
            if (!general.path(arr.defaults() + "_default_enabled").asBoolean(false)) {
                form.add(Map.entry("settings-general-" + arr.defaults() + "_default_enabled", "true"));
                form.add(Map.entry("settings-general-" + arr.defaults() + "_default_profile", String.valueOf(id)));
            }
        }
        memory.put(LANGUAGES, new Remembered(id, wanted).encode());
        return new Link(displayName(), to, Link.Status.OK, "");
    }

    /** The profile id and the languages Berth last gave it: {@code 3:en,de}. */
    private record Remembered(int id, List<String> codes) {
        String encode() {
            return id + ":" + String.join(",", codes);
        }

        static Optional<Remembered> decode(String line) {
            if (line == null || !line.matches("\\d+:[a-z,]*")) {
                return Optional.empty();
            }
            String[] parts = line.split(":", 2);
            return Optional.of(new Remembered(Integer.parseInt(parts[0]), parts[1].isEmpty() ? List.of() : List.of(parts[1].split(","))));
        }
    }

    private static List<String> codes(JsonNode profile) {
        List<String> codes = new ArrayList<>();
        profile.path("items").forEach(i -> codes.add(i.path("language").asText()));
        return codes;
    }

    /** Bazarr's own test of the connection it holds: it asks the app's status with the key it keeps. */
    private Link test(BazarrClient client, JsonNode settings, Arr arr) throws InterruptedException {
        JsonNode s = settings.path(arr.section());
        String baseUrl = s.path("base_url").asText("/");
        String path = s.path("ip").asText() + ":" + s.path("port").asText() + (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/")
                + arr.app().definition().api().path().replaceAll("^/+|/+$", "") + "/system/status";
        try {
            Optional<String> failed = client.test(path, s.path("apikey").asText(""));
            return failed.map(words -> new Link(displayName(), arr.app().displayName(), Link.Status.NEEDS_ATTENTION,
                    "Bazarr's test of " + arr.app().displayName() + " failed: " + words + ". Check that " + arr.app().displayName()
                            + " runs (berth status), then run berth wire."))
                    .orElseGet(() -> new Link(displayName(), arr.app().displayName(), Link.Status.OK, ""));
        } catch (ArrException e) {
            return new Link(displayName(), arr.app().displayName(), Link.Status.NEEDS_ATTENTION, e.getMessage()
                    + ". Check that Bazarr runs (berth status), then run berth wire.");
        }
    }

    /**
     * Bazarr's own key when it refuses the one in {@code secrets/}: read from its config.yaml on the
     * target. Empty when it takes the key Berth has.
     */
    private Optional<String> ownKeyIfRefused(SetupContext context, String key) throws ArrException, InterruptedException {
        try (BazarrClient client = new BazarrClient(context.base(), key, displayName())) {
            client.settings();
            return Optional.empty();
        } catch (ArrException e) {
            if (e.status() != 401) {
                throw new ArrException(e.status(), e.getMessage() + ". Check that Bazarr runs (berth status), then run berth wire.", e.reason());
            }
        }
        String path = configFolder() + "/" + CONFIG_FILE;
        return Optional.of(context.files().flatMap(files -> ownKey(files, path)).orElseThrow(() -> new ArrException(401,
                "Bazarr did not accept the key in secrets/" + keyName() + ", and Berth could not read the key Bazarr made in " + path
                        + ": check that Bazarr has started once and the file is there, then run berth wire", "")));
    }

    private static Optional<String> ownKey(dev.berth.engine.target.RemoteFiles files, String path) {
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new String(files.read(path), StandardCharsets.UTF_8));
            if (root instanceof Map<?, ?> m && m.get("auth") instanceof Map<?, ?> auth && auth.get("apikey") instanceof String key
                    && !key.isBlank()) {
                return Optional.of(key);
            }
            return Optional.empty();
        } catch (TargetException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where Bazarr reaches the app, as its settings name each part; the key too (compared, never remembered). */
    private Map<String, String> connection(SetupContext context, Arr arr) {
        PlannedService app = arr.app();
        Map<String, String> wanted = new TreeMap<>();
        wanted.put("settings-general-use_" + arr.section(), "true");
        wanted.put("settings-" + arr.section() + "-ip", app.address());
        wanted.put("settings-" + arr.section() + "-port", String.valueOf(app.webPort()));
        wanted.put("settings-" + arr.section() + "-base_url", "/");
        wanted.put("settings-" + arr.section() + "-ssl", "false");
        wanted.put("settings-" + arr.section() + "-apikey", context.secrets().get(app.definition().apiKey().orElseThrow().secret()));
        return wanted;
    }

    /** The same form keys as Bazarr holds them now, as the form would send them. */
    private static Map<String, String> current(JsonNode settings, Set<String> keys) {
        Map<String, String> now = new TreeMap<>();
        for (String key : keys) {
            String[] parts = key.split("-", 3);
            JsonNode value = settings.path(parts[1]).path(parts[2]);
            now.put(key, value.isMissingNode() || value.isNull() ? "" : value.asText());
        }
        return now;
    }

    /** A hash of the connection without its key: what Berth keeps in its memory. */
    private static String hash(Map<String, String> connection) {
        Map<String, String> withoutKey = new TreeMap<>(connection);
        withoutKey.keySet().removeIf(k -> k.endsWith("-apikey"));
        return EntryFingerprint.hash(withoutKey);
    }

    private List<Arr> arrs() {
        List<Arr> out = new ArrayList<>();
        plan.service("sonarr").ifPresent(s -> out.add(new Arr(s, "sonarr", "serie")));
        plan.service("radarr").ifPresent(s -> out.add(new Arr(s, "radarr", "movie")));
        return out;
    }

    private SetupResult failed(String detail, Map<String, String> memory, int writes) {
        List<Link> links = new ArrayList<>();
        for (Arr arr : arrs()) {
            links.add(new Link(displayName(), arr.app().displayName(), Link.Status.NEEDS_ATTENTION, detail));
        }
        return new SetupResult(links, writes, memory, Map.of(), List.of());
    }

    private String configFolder() {
        return bazarr.hostFolder("/config").orElseThrow(() -> new IllegalStateException("bazarr has no /config mount"));
    }

    private String keyName() {
        return bazarr.definition().apiKey().orElseThrow().secret();
    }

    private String key(SetupContext context) {
        return context.secrets().get(keyName());
    }
}

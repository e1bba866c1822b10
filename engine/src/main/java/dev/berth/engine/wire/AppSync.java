package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Applies one app's {@link AppWiring} through its {@link ArrClient}, politely:
 * <ul>
 *   <li>entries are matched by name (root folders by path, tags by label, case aside);</li>
 *   <li>an entry Berth made whose settings the person has not changed since (they still match
 *       its {@link EntryFingerprint} in {@link WiringMemory}) is updated when the wanted settings
 *       differ, and removed when Berth no longer wants it;</li>
 *   <li>an entry the person made, or changed after Berth made it, is never touched
 *       ({@link Link.Status#LEFT_ALONE}, saying how to hand it back);</li>
 *   <li>nothing differs: no write request at all;</li>
 *   <li>secret fields are sent with every create and update and never compared (the app masks them):
 *       only a hash of what Berth sent last tells that they changed.</li>
 * </ul>
 * Then every provider Berth manages is checked with the app's own {@code test} endpoint. An app
 * that refuses one entry makes that link {@link Link.Status#NEEDS_ATTENTION} with its own words,
 * and the others go on: an app's error never throws. Cancellable between calls.
 */
public final class AppSync {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEXT = " Then run berth wire.";

    private final AppWiring wiring;
    private final ArrClient client;
    private final Map<String, String> before;
    private final BooleanSupplier cancelled;
    private final TreeMap<String, String> memory;
    private final Map<Wanted.Kind, List<ObjectNode>> providers = new EnumMap<>(Wanted.Kind.class);
    private Map<String, Integer> tagIds;
    private Map<Integer, String> tagLabels;
    private List<ObjectNode> rootFolders;

    private AppSync(AppWiring wiring, ArrClient client, Map<String, String> memory, BooleanSupplier cancelled) {
        this.wiring = wiring;
        this.client = client;
        this.before = Map.copyOf(memory);
        this.memory = new TreeMap<>(memory);
        this.cancelled = cancelled;
    }

    /**
     * @param memory    the app's entries in {@link WiringMemory} (empty the first time)
     * @param cancelled asked before every call; when true, stops with a {@link CancellationException}
     */
    public static AppSyncResult apply(AppWiring wiring, ArrClient client, Map<String, String> memory, BooleanSupplier cancelled)
            throws InterruptedException {
        return new AppSync(wiring, client, memory, cancelled).run();
    }

    /**
     * Only the app's own tests of the providers Berth wants, as {@code berth status} shows them:
     * no write request. An entry that is not there is a link needing attention.
     */
    public static List<Link> testOnly(AppWiring wiring, ArrClient client, BooleanSupplier cancelled) throws InterruptedException {
        return new AppSync(wiring, client, Map.of(), cancelled).testAll();
    }

    private List<Link> testAll() throws InterruptedException {
        List<Link> links = new ArrayList<>();
        for (Wanted w : wiring.wanted()) {
            checkCancelled();
            if (w instanceof Wanted.Provider p) {
                try {
                    Optional<ObjectNode> entry = find(p.kind(), p.name());
                    links.add(entry.isPresent() ? test(p, entry.get()) : attention(p.linkTo(), wiring.displayName() + " has no "
                            + ArrClient.noun(p.kind()) + " named " + p.name() + "." + NEXT));
                } catch (ArrException e) {
                    links.add(attention(p.linkTo(), e.getMessage() + "." + NEXT));
                }
            }
        }
        return links;
    }

    /** One row in the making: a link already decided, or an entry still to be proved by its test. */
    private sealed interface Row {
    }

    private record Done(Link link) implements Row {
    }

    private record ToTest(Wanted.Provider provider, ObjectNode entry) implements Row {
    }

    private AppSyncResult run() throws InterruptedException {
        int writesBefore = client.writes();
        List<Row> rows = new ArrayList<>();
        for (Wanted w : wiring.wanted()) {
            checkCancelled();
            switch (w) {
                case Wanted.Tag t -> tag(t, rows);
                case Wanted.RootFolder f -> rows.add(new Done(rootFolder(f)));
                case Wanted.SignIn s -> rows.add(new Done(signIn(s)));
                case Wanted.Provider p -> rows.add(provider(p));
            }
        }
        removeUnwanted(rows);
        List<Link> links = new ArrayList<>();
        for (Row row : rows) {
            checkCancelled();
            links.add(switch (row) {
                case Done d -> d.link();
                case ToTest t -> test(t.provider(), t.entry());
            });
        }
        return new AppSyncResult(links, client.writes() - writesBefore, memory);
    }

    // --- tags --------------------------------------------------------------------------------

    private void tag(Wanted.Tag t, List<Row> rows) throws InterruptedException {
        try {
            tagId(t.label());
        } catch (ArrException e) {
            rows.add(new Done(attention("tag " + t.label(), e.getMessage())));
        }
    }

    private int tagId(String label) throws ArrException, InterruptedException {
        tagLabels();
        Integer id = tagIds.get(key(label));
        if (id == null) {
            checkCancelled();
            ObjectNode made = client.createTag(label);
            id = made.path("id").asInt();
            tagIds.put(key(label), id);
            tagLabels.put(id, made.path("label").asText(label));
            memory.put("tag:" + label, "made");
        }
        return id;
    }

    private Map<Integer, String> tagLabels() throws ArrException, InterruptedException {
        if (tagLabels == null) {
            Map<String, Integer> ids = new HashMap<>();
            Map<Integer, String> labels = new HashMap<>();
            for (ObjectNode t : client.tags()) {
                ids.put(key(t.path("label").asText("")), t.path("id").asInt());
                labels.put(t.path("id").asInt(), t.path("label").asText(""));
            }
            tagIds = ids;
            tagLabels = labels;
        }
        return tagLabels;
    }

    // --- root folders ------------------------------------------------------------------------

    private Link rootFolder(Wanted.RootFolder f) throws InterruptedException {
        try {
            if (rootFolders == null) {
                rootFolders = new ArrayList<>(client.rootFolders());
            }
            Optional<ObjectNode> found = rootFolders.stream().filter(r -> samePath(r.path("path").asText(""), f.path())).findFirst();
            ObjectNode folder;
            if (found.isPresent()) {
                folder = found.get();
            } else {
                checkCancelled();
                ObjectNode body = JSON.valueToTree(f.properties());
                body.put("path", f.path());
                folder = client.createRootFolder(body);
                rootFolders.add(folder);
                memory.put("rootfolder:" + f.path(), "made");
            }
            if (!folder.path("accessible").asBoolean(true)) {
                return new Link(wiring.displayName(), f.path(), Link.Status.NEEDS_ATTENTION, wiring.displayName() + " cannot"
                        + " reach " + f.path() + " inside its container. Check that the data folder exists on the server and"
                        + " belongs to PUID:PGID." + NEXT);
            }
            return new Link(wiring.displayName(), f.path(), Link.Status.OK, "");
        } catch (ArrException e) {
            return attention(f.path(), e.getMessage() + ". Check that the folder exists inside the data folder." + NEXT);
        }
    }

    private static boolean samePath(String a, String b) {
        return a.replaceAll("/+$", "").equals(b.replaceAll("/+$", ""));
    }

    // --- sign-in -----------------------------------------------------------------------------

    private Link signIn(Wanted.SignIn s) throws InterruptedException {
        String page = wiring.displayName() + "'s Settings → General → Security";
        try {
            ObjectNode host = client.hostConfig();
            String method = host.path("authenticationMethod").asText("none");
            String user = host.path("username").asText("");
            String now = signInHash(method, user);
            String wanted = signInHash(s.method(), s.username());
            String wantedSecret = s.password() == null ? "" : EntryFingerprint.secretHash(wiring.service(), "signin",
                    Map.of("password", s.password()));
            String line = "h=" + wanted + ";s=" + wantedSecret;
            String[] remembered = before.getOrDefault("signin", "").split(";s=", 2);
            boolean known = remembered.length == 2;
            // Without memory (a run stopped before it was kept), a sign-in with Berth's method and user
            // is taken as Berth's and set once more, so its password is surely the one in secrets/.
            boolean ours = known ? remembered[0].equals("h=" + now) : now.equals(wanted);
            boolean fresh = method.isEmpty() || method.equals("none");
            if (known && ours && now.equals(wanted) && remembered[1].equals(wantedSecret)) {
                return new Link(wiring.displayName(), "sign-in", Link.Status.OK, "");
            }
            if (!ours && !fresh) {
                return new Link(wiring.displayName(), "sign-in", Link.Status.LEFT_ALONE, wiring.displayName()
                        + "'s sign-in was set by hand, so Berth left it as it is. To let Berth manage it again, choose "
                        + (s.username() == null ? s.method() : s.method() + " with the user name " + s.username())
                        + " in " + page + "." + NEXT);
            }
            checkCancelled();
            host.put("authenticationMethod", s.method());
            boolean forms = s.method().equals("forms") || s.method().equals("basic");
            // Never send back the password the app answered with: it is the stored hash, and would be hashed again.
            host.put("username", forms ? s.username() : "");
            host.put("password", forms ? s.password() : "");
            host.put("passwordConfirmation", forms ? s.password() : "");
            client.updateHostConfig(host);
            memory.put("signin", line);
            ObjectNode after = client.hostConfig();
            if (!signInHash(after.path("authenticationMethod").asText(""), after.path("username").asText("")).equals(wanted)) {
                return attention("sign-in", wiring.displayName() + " accepted the sign-in settings but did not keep them;"
                        + " set them in " + page + "." + NEXT);
            }
            return new Link(wiring.displayName(), "sign-in", Link.Status.OK, "");
        } catch (ArrException e) {
            return attention("sign-in", e.getMessage() + ". Set the sign-in in " + page + " or fix the answers." + NEXT);
        }
    }

    private static String signInHash(String method, String username) {
        return EntryFingerprint.hash(Map.of("method", method == null ? "" : method.toLowerCase(Locale.ROOT),
                "username", username == null ? "" : username));
    }

    // --- providers ---------------------------------------------------------------------------

    private Row provider(Wanted.Provider p) throws InterruptedException {
        String memoryKey = p.kind().resource() + ":" + p.name();
        try {
            EntryFingerprint wanted = EntryFingerprint.wanted(wiring.service(), p);
            Optional<ObjectNode> existing = find(p.kind(), p.name());
            List<Integer> tags = new ArrayList<>();
            for (String label : p.tagLabels()) {
                tags.add(tagId(label));
            }
            checkCancelled();
            if (existing.isEmpty()) {
                ObjectNode made = client.create(p.kind(), newEntry(p, tags));
                providers.get(p.kind()).add(made);
                memory.put(memoryKey, wanted.encode());
                return new ToTest(p, made);
            }
            ObjectNode entry = existing.get();
            Map<Integer, String> labels = tagLabels();
            Optional<EntryFingerprint> remembered = EntryFingerprint.decode(before.get(memoryKey));
            boolean ours = remembered.isPresent() && remembered.get().matches(entry, labels);
            boolean asWanted = wanted.matches(entry, labels);
            if (asWanted && (remembered.isEmpty() || remembered.get().secrets().equals(wanted.secrets()))) {
                // Already as Berth wants it (also when the person set it so): nothing to send.
                memory.put(memoryKey, wanted.encode());
                return new ToTest(p, entry);
            }
            if (!ours && !asWanted) {
                return new Done(leftAlone(p, remembered.isPresent()));
            }
            ObjectNode changed = client.update(p.kind(), entry.path("id").asInt(), changedEntry(entry, p, tags));
            replace(p.kind(), entry, changed);
            memory.put(memoryKey, wanted.encode());
            return new ToTest(p, changed);
        } catch (ArrException e) {
            return new Done(attention(p.linkTo(), e.getMessage() + ". " + fixHint(p.kind())));
        }
    }

    /** Berth's entries of the earlier run that it no longer wants (qBittorrent replaced by Transmission). */
    private void removeUnwanted(List<Row> rows) throws InterruptedException {
        for (Wanted.Kind kind : Wanted.Kind.values()) {
            String prefix = kind.resource() + ":";
            List<String> gone = before.keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
            for (String key : gone) {
                String name = key.substring(prefix.length());
                boolean stillWanted = wiring.wanted().stream().anyMatch(w -> w instanceof Wanted.Provider p
                        && p.kind() == kind && p.name().equalsIgnoreCase(name));
                if (stillWanted) {
                    continue;
                }
                checkCancelled();
                try {
                    Optional<ObjectNode> entry = find(kind, name);
                    Optional<EntryFingerprint> remembered = EntryFingerprint.decode(before.get(key));
                    if (entry.isPresent() && remembered.isPresent() && remembered.get().matches(entry.get(), tagLabels())) {
                        client.delete(kind, entry.get().path("id").asInt(), name);
                        providers.get(kind).remove(entry.get());
                        memory.remove(key);
                    } else if (entry.isPresent()) {
                        rows.add(new Done(new Link(wiring.displayName(), name, Link.Status.LEFT_ALONE, "Berth no longer uses "
                                + name + ", but " + wiring.displayName() + "'s " + ArrClient.noun(kind) + " " + name + " was changed by"
                                + " hand, so Berth left it. Delete it in " + page(kind) + " if nothing uses it.")));
                    } else {
                        memory.remove(key);
                    }
                } catch (ArrException e) {
                    rows.add(new Done(attention(name, e.getMessage() + ". Berth no longer uses " + name + "; delete it in "
                            + page(kind) + ".")));
                }
            }
        }
    }

    private Optional<ObjectNode> find(Wanted.Kind kind, String name) throws ArrException, InterruptedException {
        if (!providers.containsKey(kind)) {
            providers.put(kind, new ArrayList<>(client.providers(kind)));
        }
        return providers.get(kind).stream().filter(e -> e.path("name").asText("").equalsIgnoreCase(name)).findFirst();
    }

    private void replace(Wanted.Kind kind, ObjectNode old, ObjectNode now) {
        List<ObjectNode> list = providers.get(kind);
        list.set(list.indexOf(old), now);
    }

    private static ObjectNode newEntry(Wanted.Provider p, List<Integer> tags) {
        ObjectNode e = JSON.createObjectNode();
        e.put("name", p.name());
        e.put("implementation", p.implementation());
        e.put("configContract", p.configContract());
        if (p.kind() == Wanted.Kind.DOWNLOAD_CLIENT) {
            // A download client the apps make is off unless told otherwise (the properties may still say so);
            // applications and indexer proxies have no such switch (their resources refuse the property).
            e.put("enable", true);
        }
        ArrayNode fields = e.putArray("fields");
        p.fields().forEach((name, value) -> fields.addObject().put("name", name).set("value", JSON.valueToTree(value)));
        p.properties().forEach((k, v) -> e.set(k, JSON.valueToTree(v)));
        ArrayNode t = e.putArray("tags");
        tags.forEach(t::add);
        return e;
    }

    /** The entry as the app holds it, with Berth's settings (secrets included) put in; the person's other settings stay. */
    private static ObjectNode changedEntry(ObjectNode entry, Wanted.Provider p, List<Integer> tags) {
        ObjectNode e = entry.deepCopy();
        e.put("implementation", p.implementation());
        e.put("configContract", p.configContract());
        ArrayNode fields = e.has("fields") && e.get("fields").isArray() ? (ArrayNode) e.get("fields") : e.putArray("fields");
        p.fields().forEach((name, value) -> {
            JsonNode v = JSON.valueToTree(value);
            for (JsonNode field : fields) {
                if (field.path("name").asText("").equals(name)) {
                    ((ObjectNode) field).set("value", v);
                    return;
                }
            }
            fields.addObject().put("name", name).set("value", v);
        });
        p.properties().forEach((k, v) -> e.set(k, JSON.valueToTree(v)));
        ArrayNode t = e.putArray("tags");
        tags.forEach(t::add);
        return e;
    }

    /** The app's own test of an entry Berth manages: the proof behind the ✓. */
    private Link test(Wanted.Provider p, ObjectNode entry) throws InterruptedException {
        try {
            Optional<String> failed = client.test(p.kind(), entry);
            if (failed.isEmpty()) {
                return new Link(wiring.displayName(), p.linkTo(), Link.Status.OK, "");
            }
            return attention(p.linkTo(), wiring.displayName() + "'s own test of " + p.name() + " failed: " + failed.get()
                    + ". Check that " + p.linkTo() + " is running and healthy (berth status)." + NEXT);
        } catch (ArrException e) {
            return attention(p.linkTo(), e.getMessage() + "." + NEXT);
        }
    }

    private Link leftAlone(Wanted.Provider p, boolean madeByBerth) {
        String what = wiring.displayName() + "'s " + ArrClient.noun(p.kind()) + " " + p.name();
        String why = madeByBerth ? what + " was changed by hand since Berth set it up"
                : wiring.displayName() + " already has a " + ArrClient.noun(p.kind()) + " named " + p.name() + " that Berth did not make";
        return new Link(wiring.displayName(), p.linkTo(), Link.Status.LEFT_ALONE, why + ", so Berth left it as it is and did"
                + " not test it. To let Berth set it up, delete it in " + page(p.kind()) + "." + NEXT);
    }

    private Link attention(String to, String detail) {
        return new Link(wiring.displayName(), to, Link.Status.NEEDS_ATTENTION, detail);
    }

    private String fixHint(Wanted.Kind kind) {
        return "Nothing else was changed; fix what it names (in " + page(kind) + " or in the answers)." + NEXT;
    }

    private String page(Wanted.Kind kind) {
        return wiring.displayName() + "'s " + switch (kind) {
            case DOWNLOAD_CLIENT -> "Settings → Download Clients";
            case APPLICATION -> "Settings → Apps";
            case INDEXER_PROXY -> "Settings → Indexers";
        };
    }

    private static String key(String label) {
        return label.toLowerCase(Locale.ROOT);
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled while wiring " + wiring.displayName());
        }
    }
}

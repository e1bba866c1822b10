package dev.berth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.berth.catalog.Catalog;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.RepoPaths;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/answers.schema.json against the examples, against what Berth writes, against what Berth
 * refuses, and against the records themselves (names, enums, patterns), so it cannot drift.
 */
class AnswersSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Format assertions on, as editors do for "email". */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static JsonNode schemaDoc;
    private static JsonSchema schema;
    private static final Map<String, JsonSchema> DEFS = new HashMap<>();

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaDoc = JSON.readTree(Files.readString(RepoPaths.root().resolve("docs/answers.schema.json")));
        schema = FACTORY.getSchema(schemaDoc, CONFIG);
    }

    static List<String> examples() {
        return Examples.allNames();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleIsValid(String name) throws IOException {
        assertValid(YAML.readTree(Files.readString(Examples.file(name))), name);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theFileBerthWritesIsValid(String name) throws IOException {
        String written = AnswersFile.write(AnswersSecrets.strip(Examples.answers(name)));
        assertValid(YAML.readTree(written), written);
    }

    @Test
    void theSmallestFileIsValid() throws IOException {
        String yaml = """
                schemaVersion: 1
                target: {kind: local}
                storage: {stackDir: /opt/berth, dataRoot: /srv/data, configRoot: /opt/berth/config,
                          puid: 1000, pgid: 1000, timeZone: UTC, hardwareTranscoding: false}
                services: [jellyfin]
                """;
        assertValid(YAML.readTree(yaml), yaml);
        assertTrue(berthAccepts(yaml));
    }

    // ---- changes that both the schema and Berth refuse (so the schema never lets through what Berth refuses there)

    static Stream<Arguments> refused() {
        return Stream.of(
                refuse("unknown top-level field", "minimal-jellyfin", r -> r.put("mediaRoot", "/srv")),
                refuse("unknown nested field", "minimal-jellyfin", r -> obj(r, "storage").put("mediaDir", "/srv")),
                refuse("unknown field in a list item", "full-wireguard",
                        r -> ((ObjectNode) obj(r, "access.authelia").withArray("users").get(0)).put("role", "x")),
                refuse("storage missing", "minimal-jellyfin", r -> r.remove("storage")),
                refuse("services missing", "minimal-jellyfin", r -> r.remove("services")),
                refuse("services empty", "minimal-jellyfin", r -> r.putArray("services")),
                refuse("schemaVersion missing", "minimal-jellyfin", r -> r.remove("schemaVersion")),
                refuse("a boolean left out", "minimal-jellyfin", r -> obj(r, "storage").remove("hardwareTranscoding")),
                refuse("bad enum: watchtower", "remote-ssh", r -> obj(r, "monitoring").put("watchtower", "sometimes")),
                refuse("bad enum: access mode", "full-wireguard", r -> obj(r, "access").put("mode", "public")),
                refuse("bad enum: target kind", "minimal-jellyfin", r -> obj(r, "target").put("kind", "cloud")),
                refuse("bad enum: vpn type", "full-wireguard", r -> obj(r, "vpn").put("type", "ipsec")),
                refuse("unknown VPN provider", "plex-usenet-openvpn", r -> obj(r, "vpn").put("provider", "acme vpn")),
                refuse("WireGuard with an OpenVPN-only provider", "full-wireguard", r -> obj(r, "vpn").put("provider", "cyberghost")),
                refuse("VPN without LAN subnet", "full-wireguard", r -> obj(r, "vpn").remove("lanSubnet")),
                refuse("VPN routing nothing", "full-wireguard", r -> obj(r, "vpn").putArray("routedServices")),
                refuse("WireGuard without addresses", "full-wireguard", r -> obj(r, "vpn.wireguard").putArray("addresses")),
                refuse("bad WireGuard key", "full-wireguard", r -> obj(r, "vpn.wireguard").put("privateKey", "not-a-key")),
                refuse("bad LAN subnet", "full-wireguard", r -> obj(r, "vpn").put("lanSubnet", "192.168.1.0/33")),
                refuse("bad country", "plex-usenet-openvpn", r -> obj(r, "vpn").putArray("countries").add("UK1")),
                refuse("path with ..", "minimal-jellyfin", r -> obj(r, "storage").put("dataRoot", "/srv/../etc")),
                refuse("path with :", "minimal-jellyfin", r -> obj(r, "storage").put("dataRoot", "/srv/a:b")),
                refuse("path with a quote", "minimal-jellyfin", r -> obj(r, "storage").put("dataRoot", "/srv/sam's")),
                refuse("path with a backslash", "minimal-jellyfin", r -> obj(r, "storage").put("dataRoot", "/srv/a\\b")),
                refuse("path with ${", "minimal-jellyfin", r -> obj(r, "storage").put("dataRoot", "/srv/${HOME}")),
                refuse("relative path", "minimal-jellyfin", r -> obj(r, "storage").put("stackDir", "berth")),
                refuse("path with trailing /", "minimal-jellyfin", r -> obj(r, "storage").put("configRoot", "/opt/berth/")),
                refuse("negative uid", "minimal-jellyfin", r -> obj(r, "storage").put("puid", -1)),
                refuse("time zone abbreviation", "minimal-jellyfin", r -> obj(r, "storage").put("timeZone", "CET")),
                refuse("ssh without user", "remote-ssh", r -> obj(r, "target").remove("user")),
                refuse("ssh without host", "remote-ssh", r -> obj(r, "target").remove("host")),
                refuse("bad host", "remote-ssh", r -> obj(r, "target").put("host", "nas_box")),
                refuse("bad ssh user", "remote-ssh", r -> obj(r, "target").put("user", "Media")),
                refuse("ssh port 0", "remote-ssh", r -> obj(r, "target").put("port", 0)),
                refuse("project name with capitals", "minimal-jellyfin", r -> r.put("projectName", "My Stack")),
                refuse("service id with capitals", "minimal-jellyfin", r -> r.putArray("services").add("Jellyfin")),
                refuse("port override out of range", "minimal-jellyfin", r -> r.putObject("portOverrides").put("jellyfin", 70000)),
                refuse("Fail2Ban without domain", "minimal-jellyfin", r -> r.putObject("access")
                        .put("mode", "lan").put("letsEncrypt", false).put("fail2ban", true)),
                refuse("Authelia without domain", "full-wireguard", r -> {
                    ObjectNode access = obj(r, "access");
                    access.put("mode", "lan").put("fail2ban", false);
                    access.remove(List.of("domain", "npm"));
                }),
                refuse("domain mode without domain", "full-wireguard", r -> obj(r, "access").remove("domain")),
                refuse("domain mode without npm", "full-wireguard", r -> obj(r, "access").remove("npm")),
                refuse("bad domain", "full-wireguard", r -> obj(r, "access").put("domain", "localhost")),
                refuse("bad admin e-mail", "full-wireguard", r -> obj(r, "access.npm").put("adminEmail", "admin")),
                refuse("Authelia without users", "full-wireguard", r -> obj(r, "access.authelia").putArray("users")),
                refuse("bad enum: Authelia policy", "full-wireguard", r -> obj(r, "access.authelia").put("policy", "three-factor")),
                refuse("user name with capitals", "full-wireguard", r -> user(r).put("username", "Alice")),
                refuse("password too short", "full-wireguard", r -> user(r).put("password", "short")),
                refuse("display name on two lines", "full-wireguard", r -> user(r).put("displayName", "Alice\nExample")),
                refuse("Tautulli without Plex", "remote-ssh", r -> obj(r, "monitoring").put("tautulli", true)),
                refuse("placement without hosts", "minimal-jellyfin", r -> r.putObject("placement").putObject("pins").put("jellyfin", "nas")),
                refuse("neither target nor hosts", "two-hosts", r -> r.remove(List.of("hosts", "placement"))),
                refuse("local host without address", "two-hosts", r -> ((ObjectNode) r.withArray("hosts").get(0)).remove("address")),
                refuse("host name with capitals", "two-hosts", r -> ((ObjectNode) r.withArray("hosts").get(1)).put("name", "NAS")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedByTheSchemaAndByBerth(String why, String example, Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree = changed(example, change);
        assertFalse(schema.validate(tree).isEmpty(), "the schema accepts: " + why);
        assertFalse(berthAccepts(YAML.writeValueAsString(tree)), "Berth accepts: " + why);
    }

    // ---- changes that both accept (so the schema is not stricter than Berth there)

    static Stream<Arguments> accepted() {
        return Stream.of(
                accept("no projectName (default berth)", "minimal-jellyfin", r -> r.remove("projectName")),
                accept("path with spaces and dots", "minimal-jellyfin", r -> obj(r, "storage").put("dataRoot", "/srv/my media/.../.d")),
                accept("path with $ and non-ASCII", "minimal-jellyfin", r -> obj(r, "storage").put("dataRoot", "/srv/Méïdia $5")),
                accept("IPv6 LAN subnet", "full-wireguard", r -> obj(r, "vpn").put("lanSubnet", "fd00::/64")),
                accept("prefix with a leading zero", "full-wireguard", r -> obj(r, "vpn").put("lanSubnet", "192.168.1.0/024")),
                accept("IPv6 host", "remote-ssh", r -> obj(r, "target").put("host", "fe80::1")),
                accept("ssh user ending in $", "remote-ssh", r -> obj(r, "target").put("user", "media$")),
                accept("ssh without port and key", "remote-ssh", r -> obj(r, "target").remove(List.of("port", "keyFile"))),
                accept("watchtower left out", "remote-ssh", r -> obj(r, "monitoring").remove("watchtower")),
                accept("one-factor policy", "full-wireguard", r -> obj(r, "access.authelia").put("policy", "one-factor")),
                accept("a second WireGuard address", "full-wireguard", r -> obj(r, "vpn.wireguard").withArray("addresses").add("fc00:bbbb::2/128")),
                accept("a preshared key", "full-wireguard", r -> obj(r, "vpn.wireguard").put("presharedKey", "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=")),
                accept("a typed NPM password with $ and #", "full-wireguard", r -> obj(r, "access.npm").put("adminPassword", "p$ss #word 'x' 123")),
                accept("a country with an accent", "plex-usenet-openvpn", r -> obj(r, "vpn").putArray("countries").add("Curaçao")),
                accept("port override", "minimal-jellyfin", r -> r.putObject("portOverrides").put("jellyfin", 8097)),
                accept("target equal to the first host's", "two-hosts", r -> r.set("target", r.withArray("hosts").get(0).get("target").deepCopy())),
                accept("a single host (one-node swarm)", "two-hosts", r -> {
                    r.withArray("hosts").remove(1);
                    obj(r, "placement").putObject("pins").put("jellyfin", "pc");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedByTheSchemaAndByBerth(String why, String example, Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree = changed(example, change);
        assertValid(tree, why);
        assertTrue(berthAccepts(YAML.writeValueAsString(tree)), "Berth refuses: " + why);
    }

    // ---- the schema's leaf rules against TextRules, value by value

    @Test
    void leafRulesAgreeWithTextRules() {
        agree("absolutePath", TextRules::absolutePath, "/srv/media", "/srv/media data", "/a", "/", "/srv/", "/srv//x",
                "/srv/../x", "/srv/./x", "/..", "/srv/.../x", "/srv/.hidden", "srv/x", "/srv:x", "/it's", "/a\tb",
                "/a\u2028b", "/a\u0085b", "/" + "a".repeat(1023), "/" + "a".repeat(1024));
        agree("cidr", TextRules::cidr, "192.168.1.0/24", "10.0.0.1/32", "10.0.0.1/33", "10.0.0.1/032", "10.0.0.1/0032",
                "0.0.0.0/0", "256.0.0.0/8", "01.2.3.4/8", "192.168.1.0", "1.2.3.4/", "fd00::/64", "::/0", "::1/128",
                "fd00::/129", "fd00::/0128", "fd00/64");
        agree("hostName", TextRules::hostName, "nas.local", "nas", "192.168.1.20", "fe80::1", "::1", "-bad", "bad-",
                "a..b", "nas.", "nas_box", "x".repeat(63) + ".lan", "x".repeat(64) + ".lan", "999.1.1.1");
        agree("domainName", TextRules::domainName, "example.com", "media.example.com", "ex-ample.co.uk", "localhost",
                "1.2.3.4", "example.123", "example.com.", "-x.com", "x.c0m");
        agree("wireGuardKey", TextRules::wireGuardKey, "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=",
                "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk", "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBm==",
                "yAnz5TF-lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=");
        agree("password", TextRules::password, "a".repeat(11), "a".repeat(12), "a".repeat(128), "a".repeat(129),
                "\uD83D\uDE00".repeat(12), "correct horse\nbattery", "p$ss #word 'x' 123");
        agree("timeZone", TextRules::timeZone, "Europe/Berlin", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+1",
                "America/Port-au-Prince", "CET", "GMT", "utc", "Europe/");
        // Every zone Berth accepts fits the schema's pattern (the schema cannot list the JDK's zones exactly).
        for (String zone : java.time.ZoneId.getAvailableZoneIds()) {
            if (TextRules.timeZone(zone)) {
                assertTrue(def("timeZone").validate(JSON.valueToTree(zone)).isEmpty(), zone);
            }
        }
    }

    /** Where the schema is looser than Berth: checks a regex cannot make. Listed so nobody mistakes them for bugs. */
    @Test
    void knownLooserSpots() {
        assertLooser("cidr", TextRules::cidr, "fe80:::1/64");          // IPv6 validity needs a parser
        assertLooser("hostName", TextRules::hostName, "1:2:3");        // same
        assertLooser("timeZone", TextRules::timeZone, "Europe/Berln"); // the JDK's zone list is not in the schema
    }

    // ---- the schema against the records

    @Test
    void propertyNamesEnumsAndPatternsMatchTheRecords() {
        List<String> problems = new ArrayList<>();
        compare(Answers.class, schemaDoc, "", problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void vpnProvidersAreGluetunsList() {
        assertEquals(TextRules.VPN_PROVIDERS, strings(defNode("vpnProvider").get("enum")));
        assertEquals(new TreeSet<>(TextRules.WIREGUARD_PROVIDERS), new TreeSet<>(strings(defNode("wireGuardProvider").get("enum"))));
    }

    @Test
    void everyPropertyHasADescription() {
        List<String> missing = new ArrayList<>();
        findUndescribed(schemaDoc, "", missing);
        assertEquals(List.of(), missing);
        assertNotNull(schemaDoc.get("$id"));
        assertNotNull(schemaDoc.get("title"));
    }

    private static void compare(Class<?> record, JsonNode node, String path, List<String> problems) {
        JsonNode def = resolve(node);
        JsonNode props = def.get("properties");
        Set<String> javaNames = new TreeSet<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
        Set<String> schemaNames = new TreeSet<>();
        props.fieldNames().forEachRemaining(schemaNames::add);
        if (!javaNames.equals(schemaNames)) {
            problems.add(where(path) + ": record " + record.getSimpleName() + " has " + javaNames + ", schema has " + schemaNames);
            return;
        }
        Set<String> required = new HashSet<>(strings(def.get("required")));
        for (RecordComponent rc : record.getRecordComponents()) {
            String name = rc.getName();
            String at = path.isEmpty() ? name : path + "." + name;
            JsonNode prop = props.get(name);
            Class<?> type = rc.getType();
            if (type.isPrimitive() && !required.contains(name)) {
                // FAIL_ON_NULL_FOR_PRIMITIVES: Berth refuses a file that leaves a boolean out.
                problems.add(at + ": a primitive that Berth needs written, but the schema does not require it");
            }
            if (type.isRecord()) {
                compare(type, prop, at, problems);
            } else if (type.isEnum()) {
                List<String> keys = Arrays.stream(type.getEnumConstants()).map(e -> JSON.convertValue(e, String.class)).toList();
                if (!keys.equals(strings(resolve(prop).get("enum")))) {
                    problems.add(at + ": enum " + keys + " but schema " + resolve(prop).get("enum"));
                }
            } else if (type == List.class) {
                Class<?> element = (Class<?>) ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0];
                JsonNode items = resolve(prop).get("items");
                if (element.isRecord()) {
                    compare(element, items, at + "[]", problems);
                }
                Pattern p = ((AnnotatedParameterizedType) rc.getAnnotatedType()).getAnnotatedActualTypeArguments()[0]
                        .getAnnotation(Pattern.class);
                checkPattern(p, items, at + "[]", problems);
            }
            try {
                checkPattern(record.getDeclaredField(name).getAnnotation(Pattern.class), prop, at, problems);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void checkPattern(Pattern p, JsonNode node, String at, List<String> problems) {
        if (p == null) {
            return;
        }
        JsonNode schemaPattern = resolve(node).get("pattern");
        String expected = "^" + p.regexp() + "$";
        if (schemaPattern == null || !expected.equals(schemaPattern.asText())) {
            problems.add(at + ": Java pattern " + expected + " but schema " + schemaPattern);
        }
    }

    private static void findUndescribed(JsonNode node, String path, List<String> missing) {
        if (node.isObject()) {
            JsonNode props = node.get("properties");
            // Property lists inside if/then only narrow properties declared (and described) beside them.
            boolean declaring = props != null && props.isObject() && !path.matches(".*/(if|then)(/.*)?");
            node.properties().forEach(e -> {
                if (declaring && e.getKey().equals("properties")) {
                    e.getValue().properties().forEach(p -> {
                        JsonNode d = p.getValue().get("description");
                        if (d == null || d.asText().isBlank()) {
                            missing.add(path + "/properties/" + p.getKey());
                        }
                    });
                }
                findUndescribed(e.getValue(), path + "/" + e.getKey(), missing);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findUndescribed(node.get(i), path + "/" + i, missing);
            }
        }
    }

    // ---- helpers

    private static Arguments refuse(String why, String example, Consumer<ObjectNode> change) {
        return Arguments.of(why, example, change);
    }

    private static Arguments accept(String why, String example, Consumer<ObjectNode> change) {
        return Arguments.of(why, example, change);
    }

    private static ObjectNode changed(String example, Consumer<ObjectNode> change) throws IOException {
        ObjectNode tree = (ObjectNode) YAML.readTree(Files.readString(Examples.file(example)));
        change.accept(tree);
        return tree;
    }

    private static ObjectNode obj(ObjectNode root, String dotted) {
        ObjectNode node = root;
        for (String part : dotted.split("\\.")) {
            node = (ObjectNode) node.get(part);
        }
        return node;
    }

    private static ObjectNode user(ObjectNode root) {
        return (ObjectNode) obj(root, "access.authelia").withArray("users").get(0);
    }

    /** Whether Berth reads the file and finds nothing wrong (the catalog rules included). */
    private static boolean berthAccepts(String yaml) {
        try {
            return new AnswersValidator(Catalog.builtIn()).validate(AnswersFile.parse(yaml)).isEmpty();
        } catch (InvalidAnswersException e) {
            return false;
        }
    }

    private static void assertValid(JsonNode tree, String what) {
        Set<ValidationMessage> messages = schema.validate(tree);
        assertTrue(messages.isEmpty(), () -> "schema problems " + messages + " in:\n" + what);
    }

    private static void agree(String defName, Predicate<String> berth, String... values) {
        for (String v : values) {
            boolean bySchema = def(defName).validate(JSON.valueToTree(v)).isEmpty();
            assertEquals(berth.test(v), bySchema, defName + " disagrees on '" + v + "' (Berth says " + berth.test(v) + ")");
        }
    }

    private static void assertLooser(String defName, Predicate<String> berth, String value) {
        assertFalse(berth.test(value), value);
        assertTrue(def(defName).validate(JSON.valueToTree(value)).isEmpty(), value);
    }

    /** A schema for one entry of $defs, with the others beside it for its references. */
    private static JsonSchema def(String name) {
        return DEFS.computeIfAbsent(name, n -> {
            ObjectNode doc = JSON.createObjectNode();
            doc.put("$schema", schemaDoc.get("$schema").asText());
            doc.set("$defs", schemaDoc.get("$defs"));
            doc.put("$ref", "#/$defs/" + n);
            return FACTORY.getSchema(doc, CONFIG);
        });
    }

    private static JsonNode defNode(String name) {
        return schemaDoc.get("$defs").get(name);
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : defNode(ref.asText().substring("#/$defs/".length()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            ((ArrayNode) array).forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static String where(String path) {
        return path.isEmpty() ? "(root)" : path;
    }
}

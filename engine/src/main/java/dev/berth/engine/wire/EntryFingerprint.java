package dev.berth.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Berth remembers of a provider entry it set: the names of the settings it set (so the
 * same settings can be read back from the entry the app holds, even after Berth starts setting
 * more), a hash of their values, and a separate hash of the secret values it sent (the app
 * masks those, so only Berth's own memory can tell they changed). Kept in {@link WiringMemory}
 * as one line, {@code f=host,port;p=enable;t=1;h=…;s=…}: names and hashes, never a value.
 *
 * @param fields     non-secret field names Berth set, sorted
 * @param properties top-level properties Berth set, sorted
 * @param tags       whether Berth set the entry's tags
 * @param settings   hash of the implementation and those values
 * @param secrets    hash of the secret values sent (empty when none)
 */
record EntryFingerprint(List<String> fields, List<String> properties, boolean tags, String settings, String secrets) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What Berth wants for this provider. */
    static EntryFingerprint wanted(String service, Wanted.Provider p) {
        List<String> fields = p.fields().keySet().stream().filter(k -> !p.secretFields().contains(k)).sorted().toList();
        List<String> properties = p.properties().keySet().stream().sorted().toList();
        TreeMap<String, String> values = new TreeMap<>();
        values.put("implementation", p.implementation());
        fields.forEach(f -> values.put("field:" + f, JSON.valueToTree(p.fields().get(f)).toString()));
        properties.forEach(k -> values.put("property:" + k, JSON.valueToTree(p.properties().get(k)).toString()));
        values.put("tags", labels(p.tagLabels()));
        TreeMap<String, String> secrets = new TreeMap<>();
        p.secretFields().stream().filter(p.fields()::containsKey)
                .forEach(s -> secrets.put(s, JSON.valueToTree(p.fields().get(s)).toString()));
        return new EntryFingerprint(fields, properties, true, hash(values),
                secrets.isEmpty() ? "" : hash(salted(service, p.name(), secrets)));
    }

    /** The hash of the same settings as the app holds them now, to compare with {@link #settings()}. */
    String settingsOf(JsonNode entry, Map<Integer, String> tagLabels) {
        TreeMap<String, String> values = new TreeMap<>();
        values.put("implementation", entry.path("implementation").asText(""));
        Map<String, JsonNode> byName = new TreeMap<>();
        for (JsonNode f : entry.path("fields")) {
            byName.put(f.path("name").asText(""), f.has("value") ? f.get("value") : NullNode.getInstance());
        }
        fields.forEach(f -> values.put("field:" + f, byName.getOrDefault(f, NullNode.getInstance()).toString()));
        properties.forEach(k -> values.put("property:" + k, entry.has(k) ? entry.get(k).toString() : "null"));
        if (tags) {
            List<String> labels = new ArrayList<>();
            for (JsonNode id : entry.path("tags")) {
                labels.add(tagLabels.getOrDefault(id.asInt(), "#" + id.asInt()));
            }
            values.put("tags", labels(labels));
        }
        return hash(values);
    }

    /** Whether the entry the app holds still has exactly these settings. */
    boolean matches(JsonNode entry, Map<Integer, String> tagLabels) {
        return settings.equals(settingsOf(entry, tagLabels));
    }

    String encode() {
        return "f=" + String.join(",", fields) + ";p=" + String.join(",", properties) + ";t=" + (tags ? 1 : 0)
                + ";h=" + settings + ";s=" + secrets;
    }

    /** Empty when the line is not one this class wrote (an older Berth's, or edited): the entry then counts as the person's. */
    static Optional<EntryFingerprint> decode(String line) {
        if (line == null) {
            return Optional.empty();
        }
        Map<String, String> parts = new TreeMap<>();
        for (String part : line.split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                return Optional.empty();
            }
            parts.put(part.substring(0, eq), part.substring(eq + 1));
        }
        if (!parts.keySet().equals(Set.of("f", "p", "t", "h", "s"))) {
            return Optional.empty();
        }
        return Optional.of(new EntryFingerprint(names(parts.get("f")), names(parts.get("p")), parts.get("t").equals("1"),
                parts.get("h"), parts.get("s")));
    }

    /** A hash of secret values that cannot be compared across apps or entries. */
    static String secretHash(String service, String entry, Map<String, String> secrets) {
        return hash(salted(service, entry, new TreeMap<>(secrets)));
    }

    static String hash(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static TreeMap<String, String> salted(String service, String entry, TreeMap<String, String> secrets) {
        TreeMap<String, String> salted = new TreeMap<>(secrets);
        salted.put("\u0000entry", service + "/" + entry);
        return salted;
    }

    private static String labels(List<String> labels) {
        return String.join(",", labels.stream().map(l -> l.toLowerCase(Locale.ROOT)).sorted().toList());
    }

    private static List<String> names(String list) {
        return list.isEmpty() ? List.of() : List.of(list.split(","));
    }
}

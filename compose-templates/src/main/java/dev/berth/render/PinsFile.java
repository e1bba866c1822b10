package dev.berth.render;

import dev.berth.catalog.Image;
import dev.berth.plan.ImagePin;
import dev.berth.plan.ImagePins;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@value #PATH}, beside the answers in the stack folder: the images {@code berth update} pinned,
 * each with what ran before it. Written only while a pin stands, so a stack never updated has no
 * such file (and its files stay as they were).
 */
public final class PinsFile {
    public static final String PATH = "berth-pins.yaml";

    private static final String HEADER = """
            # Images pinned by `berth update`, by Compose service: compose.yaml runs repository:tag@digest.
            # previousTag/previousDigest ran before the update (a failed update goes back to them);
            # catalogTag is the catalog's tag the pin was made over: a Berth whose catalog names a newer
            # tag runs that instead. Delete a service's entry to run the catalog's image again.
            """;
    private static final List<String> KEYS = List.of("repository", "tag", "digest", "previousTag", "previousDigest", "catalogTag");
    private static final Set<String> OPTIONAL = Set.of("previousDigest");

    private PinsFile() {
    }

    /** The file for {@code pins}; only called with at least one pin. */
    public static String render(ImagePins pins) {
        Map<String, Object> services = new LinkedHashMap<>();
        pins.services().forEach((name, pin) -> {
            Map<String, Object> entry = Yaml.map("repository", pin.image().repository(), "tag", pin.image().tag(),
                    "digest", pin.image().digest(), "previousTag", pin.previous().tag());
            if (pin.previous().digest() != null) {
                entry.put("previousDigest", pin.previous().digest());
            }
            entry.put("catalogTag", pin.catalogTag());
            services.put(name, entry);
        });
        return HEADER + Yaml.dump(Yaml.map("services", services));
    }

    /**
     * Reads the file back.
     *
     * @param where the file as a person finds it, e.g. {@code /opt/berth/berth-pins.yaml on nas}
     * @throws IllegalArgumentException naming the file, the entry and what to do, when it cannot be read
     */
    public static ImagePins parse(String text, String where) {
        Object root;
        try {
            root = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw problem(where, "is not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null) {
            return ImagePins.NONE;
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("services") instanceof Map<?, ?> services) || top.size() != 1) {
            throw problem(where, "must hold one key, services, with one entry per pinned service");
        }
        SortedMap<String, ImagePin> pins = new TreeMap<>();
        for (Map.Entry<?, ?> e : services.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Map<?, ?> entry)) {
                throw problem(where, "services." + name + " must be a map of " + String.join(", ", KEYS));
            }
            Map<String, String> values = new TreeMap<>();
            for (Map.Entry<?, ?> field : entry.entrySet()) {
                String key = String.valueOf(field.getKey());
                if (!KEYS.contains(key)) {
                    throw problem(where, "services." + name + "." + key + " is not a known key (known: " + String.join(", ", KEYS) + ")");
                }
                values.put(key, String.valueOf(field.getValue()));
            }
            for (String key : KEYS) {
                if (!OPTIONAL.contains(key) && !values.containsKey(key)) {
                    throw problem(where, "services." + name + "." + key + " is missing");
                }
            }
            String digest = values.get("digest");
            if (!digest.matches("sha256:[0-9a-f]{64}")) {
                throw problem(where, "services." + name + ".digest must be sha256: and 64 hex digits, not " + digest);
            }
            String repository = values.get("repository");
            pins.put(name, new ImagePin(new Image(repository, values.get("tag"), digest),
                    new Image(repository, values.get("previousTag"), values.get("previousDigest")), values.get("catalogTag")));
        }
        return new ImagePins(pins);
    }

    private static IllegalArgumentException problem(String where, String what) {
        return new IllegalArgumentException(where + ": " + what + ". Fix it, or delete the file: its services then run the "
                + "catalog's images, and berth update pins them again.");
    }
}

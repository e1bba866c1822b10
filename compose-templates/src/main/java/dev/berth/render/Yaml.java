package dev.berth.render;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The one way Berth writes YAML: from a model (maps, lists, strings, numbers, booleans) through
 * SnakeYAML, never by pasting strings. SnakeYAML quotes any string that a YAML 1.1 reader would
 * take for something else ({@code "yes"}, {@code "8080"}, {@code "~"}), which covers what
 * Compose v1 (PyYAML) and v2 (go-yaml) would misread.
 */
public final class Yaml {
    /** A scalar with an application tag, e.g. Recyclarr's {@code !secret name}. */
    public record Tagged(String tag, String value) {
    }

    private static final ThreadLocal<org.yaml.snakeyaml.Yaml> DUMPER = ThreadLocal.withInitial(() -> {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(2);
        o.setIndentWithIndicator(true);
        o.setWidth(Integer.MAX_VALUE);
        o.setSplitLines(false);
        o.setAllowUnicode(true);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new org.yaml.snakeyaml.Yaml(new TaggingRepresenter(o), o);
    });

    private Yaml() {
    }

    /**
     * An insertion-ordered map from alternating keys and values. Output must not depend on hash
     * order ({@code Map.of} with several entries has none), or re-renders would not be identical.
     */
    public static java.util.Map<String, Object> map(Object... keysAndValues) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The YAML document for a model made of maps, lists and scalars. */
    public static String dump(Object model) {
        return DUMPER.get().dump(model);
    }

    private static final class TaggingRepresenter extends Representer {
        TaggingRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(Tagged.class, data -> {
                Tagged t = (Tagged) data;
                return representScalar(new Tag(t.tag()), t.value());
            });
        }
    }
}

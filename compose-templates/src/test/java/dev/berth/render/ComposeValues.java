package dev.berth.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads compose.yaml the way Compose sees its values: YAML first, then interpolation of every
 * value (not key). Berth writes literal values only, so the one interpolation a value may hold
 * is {@code $$} for a literal {@code $}; any other {@code $} would be expanded by Compose, and
 * is an error here.
 */
final class ComposeValues {
    private ComposeValues() {
    }

    /** YAML 1.1 like PyYAML (docker-compose 1.29), with only the standard tags. */
    static Object parseYaml(String text) {
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    /** Any other generated YAML file: an application tag (Recyclarr's {@code !secret}) reads as the text "!tag value". */
    static Object parseTaggedYaml(String text) {
        SafeConstructor constructor = new SafeConstructor(new LoaderOptions()) {
            {
                this.yamlConstructors.put(null, new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        if (!(node instanceof ScalarNode scalar)) {
                            throw new AssertionError("an unknown tag on a collection: " + node.getTag());
                        }
                        return node.getTag().getValue() + " " + scalar.getValue();
                    }
                });
            }
        };
        return new org.yaml.snakeyaml.Yaml(constructor).load(text);
    }

    /** The document with every string value interpolated as Compose would. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String composeYaml) {
        return (Map<String, Object>) interpolate(parseYaml(composeYaml), "");
    }

    /** A value as Compose reads it: {@code $$} is a literal {@code $}; a lone {@code $} fails. */
    static String literal(String value, String where) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '$') {
                if (i + 1 < value.length() && value.charAt(i + 1) == '$') {
                    i++;
                } else {
                    throw new AssertionError("unescaped '$' at index " + i + " of " + where + " = \"" + value
                            + "\": Compose would interpolate it");
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Undoes the {@code $$} that a Compose's {@code config} output writes, where that Compose escapes its output. */
    static Object unescapeOutput(Object node, boolean outputEscaped) {
        return outputEscaped ? interpolate(node, "") : node;
    }

    static Object interpolate(Object node, String where) {
        if (node instanceof String s) {
            return literal(s, where);
        }
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, interpolate(v, where + "." + k)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(interpolate(list.get(i), where + "[" + i + "]"));
            }
            return out;
        }
        return node;
    }

    /**
     * The structure of a document: keys, list lengths and the Java type of each scalar, values
     * left out. Two renders whose free text differs must have the same shape, or a value
     * changed the document (an injected key, a string read as a boolean).
     */
    static Object shape(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, shape(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ComposeValues::shape).toList();
        }
        return node == null ? "null" : node.getClass().getSimpleName();
    }

    @SuppressWarnings("unchecked")
    static Object at(Object node, Object... path) {
        Object cur = node;
        for (Object p : path) {
            if (p instanceof Integer i) {
                cur = ((List<Object>) cur).get(i);
            } else {
                if (!(cur instanceof Map<?, ?> m) || !m.containsKey(p)) {
                    throw new AssertionError("no '" + p + "' in " + java.util.Arrays.toString(path));
                }
                cur = m.get(p);
            }
        }
        return cur;
    }

    /** The source of the bind mount with this target in a service of a (parsed) compose document. */
    @SuppressWarnings("unchecked")
    static String volumeSource(Object compose, String service, String target) {
        List<Object> volumes = (List<Object>) at(compose, "services", service, "volumes");
        for (Object v : volumes) {
            Map<String, Object> m = (Map<String, Object>) v;
            if (target.equals(m.get("target"))) {
                return (String) m.get("source");
            }
        }
        throw new AssertionError(service + " has no volume with target " + target + ": " + volumes);
    }

    static String env(Object compose, String service, String name) {
        Object v = at(compose, "services", service, "environment", name);
        if (!(v instanceof String s)) {
            throw new AssertionError(service + " " + name + " is not a string but " + v);
        }
        return s;
    }
}

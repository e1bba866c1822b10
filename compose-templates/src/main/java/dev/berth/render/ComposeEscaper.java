package dev.berth.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compose interpolates {@code $} in every value. Berth writes literal values only, so every
 * {@code $} in a value becomes {@code $$} (keys are never interpolated and are left alone).
 */
final class ComposeEscaper {
    private ComposeEscaper() {
    }

    static Object escape(Object node) {
        if (node instanceof String s) {
            return s.replace("$", "$$");
        }
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, escape(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(escape(v)));
            return out;
        }
        return node;
    }
}

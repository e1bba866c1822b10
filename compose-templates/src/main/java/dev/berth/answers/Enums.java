package dev.berth.answers;

import java.util.Arrays;
import java.util.Locale;

/** Reads enum values written in lower case with '-' in the answers file, with a message that lists the choices. */
final class Enums {
    private Enums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String key) {
        String wanted = key == null ? "" : key.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> key(e)).toList());
    }

    static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

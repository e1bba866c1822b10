package dev.berth.render;

/**
 * A TOML basic string ({@code "..."}, TOML 1.0 §String): quotes and backslashes escaped, every
 * control character written as an escape, everything else as it is (TOML files are UTF-8).
 */
final class TomlString {
    private TomlString() {
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    // TOML forbids raw U+0000–U+001F and U+007F in a basic string.
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** A TOML array of basic strings, on one line. */
    static String array(java.util.List<String> values) {
        return values.stream().map(TomlString::quote).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}

package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TOML 1.0 basic strings: what must be escaped is, the rest stays as it is. */
class TomlStringTest {
    @Test
    void plainTextIsOnlyQuoted() {
        assertEquals("\"GET /v1/publicip/ip\"", TomlString.quote("GET /v1/publicip/ip"));
        assertEquals("\"café ✓\"", TomlString.quote("café ✓"));
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\"", TomlString.quote("a\"b\\c"));
    }

    @Test
    void controlCharactersBecomeEscapes() {
        assertEquals("\"\\b\\t\\n\\f\\r\"", TomlString.quote("\b\t\n\f\r"));
        assertEquals("\"\\u0000\\u001F\\u007F\"", TomlString.quote("\u0000\u001f\u007f"));
    }

    @Test
    void anArrayIsOneLineOfQuotedStrings() {
        assertEquals("[\"GET /a\", \"x\\\"y\"]", TomlString.array(List.of("GET /a", "x\"y")));
        assertEquals("[]", TomlString.array(List.of()));
    }
}

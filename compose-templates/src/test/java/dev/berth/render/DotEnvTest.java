package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.render.DotEnv.Dialect;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The .env reader the property tests trust, on the cases where Compose v2 and docker-compose
 * 1.29 (python-dotenv 0.21) differ. {@code FreeTextRealComposeTest} checks the same against the
 * real docker-compose.
 */
class DotEnvTest {
    @Test
    void singleQuotedValuesAreLiteralInComposeV2() {
        String env = "# comment\n\nA='/srv/a b/$X/$$/${Y}/# x'\nB='a\\\\b'\n";
        assertEquals(Map.of("A", "/srv/a b/$X/$$/${Y}/# x", "B", "a\\\\b"), DotEnv.read(env, Dialect.COMPOSE_V2));
    }

    @Test
    void pythonDotenvExpandsBracedVariablesAndUnescapesEvenInSingleQuotes() {
        String env = "Y='why'\nA='/srv/$X/$$/${Y}/${Z:-zed}/${NONE}'\nB='a\\\\b'\n";
        assertEquals(Map.of("Y", "why", "A", "/srv/$X/$$/why/zed/", "B", "a\\b"), DotEnv.read(env, Dialect.PYTHON_DOTENV));
    }

    @Test
    void aTrailingBackslashSwallowsTheClosingQuote() {
        assertThrows(DotEnv.SyntaxError.class, () -> DotEnv.read("A='/srv/x\\'\n", Dialect.COMPOSE_V2));
        // python-dotenv's pattern runs on past the line end to the next quote, and the file breaks there.
        assertThrows(DotEnv.SyntaxError.class, () -> DotEnv.read("A='/srv/x\\'\nB='y z'\n", Dialect.PYTHON_DOTENV));
    }

    @Test
    void onlySingleQuotedValuesOnePerLine() {
        assertThrows(DotEnv.SyntaxError.class, () -> DotEnv.read("A=plain\n", Dialect.COMPOSE_V2));
        assertThrows(DotEnv.SyntaxError.class, () -> DotEnv.read("A=\"double\"\n", Dialect.PYTHON_DOTENV));
        assertThrows(DotEnv.SyntaxError.class, () -> DotEnv.read("A='x'y'\n", Dialect.COMPOSE_V2));
        assertThrows(DotEnv.SyntaxError.class, () -> DotEnv.read("A='x'\r\n", Dialect.COMPOSE_V2));
        assertEquals(Map.of("A", "x"), DotEnv.read("A='x'  # note\n", Dialect.PYTHON_DOTENV));
    }
}

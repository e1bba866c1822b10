package dev.berth.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader for the {@code .env} files Berth writes ({@code KEY='value'} lines, comments,
 * blank lines), modelling how each Compose reads a single-quoted value:
 * <ul>
 *   <li>{@link Dialect#COMPOSE_V2} (compose-go's dotenv): the value is literal, nothing is
 *       expanded or unescaped; a quote preceded by a backslash does not close the value.</li>
 *   <li>{@link Dialect#PYTHON_DOTENV} (python-dotenv 0.21, which docker-compose 1.29.2 calls with
 *       {@code interpolate=True}): the value matches {@code '((?:\\'|[^'])*)'} over the rest of
 *       the file, {@code \\} and {@code \'} are unescaped, and then {@code ${NAME}} and
 *       {@code ${NAME:-default}} are expanded even inside single quotes ({@code $NAME} is not).</li>
 * </ul>
 * Anything Berth should never write (an unquoted or double-quoted value, a carriage return,
 * text after the closing quote) is a {@link SyntaxError}: the file is then broken, whatever a
 * lenient reader would make of it.
 */
final class DotEnv {
    enum Dialect { COMPOSE_V2, PYTHON_DOTENV }

    static final class SyntaxError extends AssertionError {
        SyntaxError(String message) {
            super(message);
        }
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** python-dotenv's _single_quoted_value, applied to the rest of the stream (it spans lines). */
    private static final Pattern PY_SINGLE_QUOTED = Pattern.compile("'((?:\\\\'|[^'])*)'");
    private static final Pattern PY_SINGLE_QUOTE_ESCAPES = Pattern.compile("\\\\[\\\\']");
    /** python-dotenv's _posix_variable. */
    private static final Pattern PY_VARIABLE = Pattern.compile("\\$\\{([^}:]*)(?::-([^}]*))?}");
    /** What may follow a closing quote on its line: blanks and an optional comment. */
    private static final Pattern LINE_REST = Pattern.compile("[ \\t]*(#[^\\n]*)?");

    private DotEnv() {
    }

    static Map<String, String> read(String text, Dialect dialect) {
        if (text.indexOf('\r') >= 0) {
            throw new SyntaxError(".env holds a carriage return: both readers take it for a line break");
        }
        Map<String, String> values = new LinkedHashMap<>();
        int pos = 0;
        int lineNo = 1;
        while (pos < text.length()) {
            int eol = text.indexOf('\n', pos);
            String line = text.substring(pos, eol < 0 ? text.length() : eol);
            String stripped = line.stripLeading();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                pos = eol < 0 ? text.length() : eol + 1;
                lineNo++;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0 || !KEY.matcher(line.substring(0, eq)).matches()) {
                throw new SyntaxError("line " + lineNo + " is not KEY=VALUE: " + show(line));
            }
            String key = line.substring(0, eq);
            int valueStart = pos + eq + 1;
            if (valueStart >= text.length() || text.charAt(valueStart) != '\'') {
                throw new SyntaxError("line " + lineNo + ": " + key + " is not single-quoted: " + show(line));
            }
            int afterValue;
            String value;
            if (dialect == Dialect.COMPOSE_V2) {
                int close = -1;
                for (int i = valueStart + 1; i < text.length() && text.charAt(i) != '\n'; i++) {
                    if (text.charAt(i) == '\'' && text.charAt(i - 1) != '\\') {
                        close = i;
                        break;
                    }
                }
                if (close < 0) {
                    throw new SyntaxError("line " + lineNo + ": " + key + " has no closing quote (Compose v2): " + show(line));
                }
                value = text.substring(valueStart + 1, close);
                afterValue = close + 1;
            } else {
                Matcher m = PY_SINGLE_QUOTED.matcher(text).region(valueStart, text.length());
                if (!m.lookingAt()) {
                    throw new SyntaxError("line " + lineNo + ": " + key + " has no closing quote (python-dotenv): " + show(line));
                }
                value = PY_SINGLE_QUOTE_ESCAPES.matcher(m.group(1)).replaceAll(r -> Matcher.quoteReplacement(r.group().substring(1)));
                value = interpolate(value, values);
                afterValue = m.end();
            }
            int restEnd = text.indexOf('\n', afterValue);
            String rest = text.substring(afterValue, restEnd < 0 ? text.length() : restEnd);
            if (!LINE_REST.matcher(rest).matches()) {
                throw new SyntaxError("line " + lineNo + ": " + key + " is followed by " + show(rest) + " after its closing quote ("
                        + dialect + ")");
            }
            if (values.put(key, value) != null) {
                throw new SyntaxError(key + " is set twice");
            }
            lineNo += (int) text.substring(pos, restEnd < 0 ? text.length() : restEnd).chars().filter(c -> c == '\n').count() + 1;
            pos = restEnd < 0 ? text.length() : restEnd + 1;
        }
        return values;
    }

    /** python-dotenv's resolve_variables: earlier values of the file (the process environment is left out here). */
    private static String interpolate(String value, Map<String, String> earlier) {
        return PY_VARIABLE.matcher(value).replaceAll(m -> {
            String found = earlier.get(m.group(1));
            if (found == null) {
                found = m.group(2) == null ? "" : m.group(2);
            }
            return Matcher.quoteReplacement(found);
        });
    }

    private static String show(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('"').toString();
    }
}

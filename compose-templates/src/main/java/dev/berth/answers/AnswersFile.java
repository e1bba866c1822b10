package dev.berth.answers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.catalog.FieldPath;
import dev.berth.render.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads and writes the answers file ({@code berth.yaml}): plain YAML a person can read and edit.
 * Problems in the file come back as {@link InvalidAnswersException} naming the field in the
 * file's own words ({@code storage.puid}, {@code services[1]}), what is expected there, and for
 * YAML that cannot be parsed the line and column; never a Java type.
 */
public final class AnswersFile {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private AnswersFile() {
    }

    public static Answers read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidAnswersException(List.of(new Problem("", file + " is not UTF-8 text", FileRule.NOT_UTF8)));
        }
        return parse(text, file.toString());
    }

    public static Answers parse(String yaml) {
        return parse(yaml, null);
    }

    /**
     * @param source the file the text comes from, named in syntax errors; null when it has none
     */
    public static Answers parse(String yaml, String source) {
        try {
            Answers answers = MAPPER.readValue(yaml, Answers.class);
            if (answers == null) {
                throw new InvalidAnswersException(List.of(new Problem("", "the answers file is empty", FileRule.EMPTY)));
            }
            return answers;
        } catch (JsonProcessingException e) {
            throw new InvalidAnswersException(List.of(problem(e, source)));
        }
    }

    private static Problem problem(JsonProcessingException e, String source) {
        String field = field(e);
        MarkedYAMLException syntax = cause(e, MarkedYAMLException.class);
        if (syntax != null || !(e instanceof JsonMappingException) && cause(e, InputCoercionException.class) == null) {
            return new Problem(field, syntaxError(e, syntax, source), FileRule.SYNTAX);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new Problem(field, "unknown field '" + u.getPropertyName() + "'; known fields here: " + u.getKnownPropertyIds(), FileRule.UNKNOWN_FIELD);
        }
        if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
            return new Problem(field, firstLine(iae.getMessage()), FileRule.NOT_A_CHOICE); // an enum's own message lists the choices
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.contains("FAIL_ON_NULL_FOR_PRIMITIVES")) {
            return new Problem(field, "is required: write true or false", FileRule.BOOLEAN_REQUIRED);
        }
        if (cause(e, InputCoercionException.class) != null) {
            return new Problem(field, "is too large: must be a whole number such as " + ExpectedValues.wholeNumber(field), FileRule.NUMBER_TOO_LARGE);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new Problem(field, ExpectedValues.describe(field, m.getTargetType()), FileRule.WRONG_TYPE);
        }
        return new Problem(field, "cannot be read: check its form in the answers-file reference (docs/answers-file.md)", FileRule.UNREADABLE);
    }

    /**
     * The field as a person reads it. Jackson's own path stops at a map (portOverrides for
     * portOverrides.jellyfin) when the parser fails on a value, and the parser's stops at the
     * record when a field is missing; the longer one is the more exact.
     */
    private static String field(JsonProcessingException e) {
        String mapped = e instanceof JsonMappingException m ? FieldPath.of(m) : "";
        String parsed = e.getProcessor() instanceof JsonParser p ? path(p.getParsingContext()) : "";
        if (parsed.startsWith(mapped) && parsed.length() > mapped.length()
                && (mapped.isEmpty() ? !parsed.startsWith("[") : parsed.charAt(mapped.length()) == '.')) {
            return parsed;
        }
        // Not deeper into a list: a list where one value belongs is wrong as a whole.
        return mapped;
    }

    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            }
        }
        String p = String.join("", parts);
        return p.startsWith(".") ? p.substring(1) : p;
    }

    private static String syntaxError(JsonProcessingException e, MarkedYAMLException syntax, String source) {
        int line;
        int column;
        String what;
        if (syntax != null && syntax.getProblemMark() != null) {
            Mark mark = syntax.getProblemMark();
            line = mark.getLine() + 1;
            column = mark.getColumn() + 1;
            what = (syntax.getContext() == null ? "" : syntax.getContext() + ": ") + syntax.getProblem();
        } else {
            JsonLocation at = e.getLocation();
            line = at == null ? -1 : at.getLineNr();
            column = at == null ? -1 : at.getColumnNr();
            what = firstLine(e.getOriginalMessage());
        }
        String where = line < 1 ? "" : " at line " + line + ", column " + column;
        return "not valid YAML" + where + (source == null ? "" : " of " + source) + ": " + what
                + ". Check the indentation, brackets and quotes there";
    }

    private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    /**
     * The YAML text of the answers, every field written out in a fixed order, with a header comment;
     * {@code target} is left out when {@code hosts} is there (the first host is the target).
     */
    public static String write(Answers answers) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = MAPPER.convertValue(answers, Map.class);
        if (answers.isMultiHost()) {
            // With hosts: the first host is the target; writing it twice would leave two places to edit.
            tree.remove("target");
        }
        return "# Berth answers file: what you chose. Edit it and run Berth again to change your stack.\n"
                + "# Secrets (passwords, keys) are not kept here but in the stack's secrets/ folder.\n"
                + Yaml.dump(tree);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "cannot be read";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** What a field holds, in words with an example, for a value of the wrong kind. */
    static final class ExpectedValues {
        private ExpectedValues() {
        }

        static String describe(String field, Class<?> type) {
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                return "must be a whole number such as " + wholeNumber(field);
            }
            if (type == Boolean.class || type == boolean.class) {
                return "must be true or false";
            }
            if (type == String.class) {
                return "must be a single value (text), not a list or a section";
            }
            if (type.isEnum()) {
                return "must be one of " + String.join(", ", Arrays.stream(type.getEnumConstants())
                        .map(c -> Enums.key((Enum<?>) c)).toList());
            }
            if (Collection.class.isAssignableFrom(type)) {
                return "must be a list, one '- item' per line (or [a, b])";
            }
            if (Map.class.isAssignableFrom(type)) {
                return "must be a section of 'name: value' lines, such as 'jellyfin: 8097'";
            }
            if (type.isRecord()) {
                return (field.isEmpty() ? "the answers file " : "") + "must be a section with the fields " + String.join(", ", Arrays.stream(type.getRecordComponents())
                        .map(java.lang.reflect.RecordComponent::getName).toList());
            }
            return "has a value of the wrong kind";
        }

        /** An example whole number for the field: a port where a port goes, an id where an id goes. */
        static String wholeNumber(String field) {
            if (field.equals("schemaVersion")) {
                return "1";
            }
            if (field.equals("target.port")) {
                return "22";
            }
            if (field.startsWith("portOverrides")) {
                return "8097 (from 1 to 65535)";
            }
            return "1000";
        }
    }
}

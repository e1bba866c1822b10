package dev.berth.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.catalog.FieldPath;
import dev.berth.render.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the answers file ({@code berth.yaml}): plain YAML a person can read and edit.
 * Problems in the file come back as {@link InvalidAnswersException} naming the field.
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
            throw new InvalidAnswersException(List.of(new Problem("", file + " is not UTF-8 text")));
        }
        return parse(text);
    }

    public static Answers parse(String yaml) {
        try {
            Answers answers = MAPPER.readValue(yaml, Answers.class);
            if (answers == null) {
                throw new InvalidAnswersException(List.of(new Problem("", "the answers file is empty")));
            }
            return answers;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidAnswersException(List.of(new Problem(FieldPath.of(e), "unknown field '" + e.getPropertyName()
                    + "'; known fields here: " + e.getKnownPropertyIds())));
        } catch (JsonMappingException e) {
            String cause = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                    : e.getOriginalMessage() != null && e.getOriginalMessage().contains("FAIL_ON_NULL_FOR_PRIMITIVES")
                    ? "is required: write true or false" : e.getOriginalMessage();
            throw new InvalidAnswersException(List.of(new Problem(FieldPath.of(e), firstLine(cause))));
        } catch (JsonProcessingException e) {
            throw new InvalidAnswersException(List.of(new Problem("", "not valid YAML: " + firstLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"))));
        }
    }

    /** The YAML text of the answers, every field written out in a fixed order, with a header comment. */
    public static String write(Answers answers) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = MAPPER.convertValue(answers, Map.class);
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
}

package dev.berth.answers;

import java.util.Objects;

/**
 * One thing wrong with the answers.
 *
 * @param field   where, as a path into the answers file (e.g. {@code storage.dataRoot})
 * @param message what is wrong and what to do, in words a person can act on
 * @param rule    which rule it breaks: code matches this, never the message
 */
public record Problem(String field, String message, RuleId rule) {
    public Problem {
        Objects.requireNonNull(field);
        Objects.requireNonNull(message);
        Objects.requireNonNull(rule);
    }

    /** The same problem reported on another field (a page shows it beside the field it is about). */
    public Problem on(String otherField) {
        return new Problem(otherField, message, rule);
    }

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}

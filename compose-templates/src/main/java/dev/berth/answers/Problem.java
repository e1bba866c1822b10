package dev.berth.answers;

/**
 * One thing wrong with the answers.
 *
 * @param field   where, as a path into the answers file (e.g. {@code storage.dataRoot})
 * @param message what is wrong and what to do, in words a person can act on
 */
public record Problem(String field, String message) {
    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}

package dev.berth.wizardsteps.core;

import dev.berth.answers.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The validator's messages for one step's fields, one property per field for the View to show
 * beside it. The problems come from {@code AnswersValidator} (paths such as
 * {@code storage.dataRoot}); a field's message appears once the person has touched it (or the
 * value came from a file), so an empty form does not open covered in red. Problems on the
 * record itself ({@code target}: "an SSH target needs a host and a user") or on fields this step
 * does not show go to {@link #generalProperty()}.
 */
public final class FieldMessages {
    private final String prefix;
    private final Map<String, ReadOnlyStringWrapper> byField = new LinkedHashMap<>();
    private final Set<String> touched = new HashSet<>();
    private final ReadOnlyStringWrapper general = new ReadOnlyStringWrapper(this, "general", "");
    private List<Problem> last = List.of();

    /**
     * @param prefix the part of the answers the step edits, e.g. {@code storage}
     * @param fields the fields it shows, as named in the answers, e.g. {@code dataRoot}
     */
    public FieldMessages(String prefix, String... fields) {
        this.prefix = prefix;
        for (String f : fields) {
            byField.put(f, new ReadOnlyStringWrapper(this, f, ""));
        }
    }

    /** The message to show beside a field; empty when it is fine (or untouched). */
    public ReadOnlyStringProperty messageProperty(String field) {
        ReadOnlyStringWrapper w = byField.get(field);
        if (w == null) {
            throw new IllegalArgumentException("no field '" + field + "' in " + byField.keySet());
        }
        return w.getReadOnlyProperty();
    }

    public String message(String field) {
        return messageProperty(field).get();
    }

    /** Problems with the step's answers as a whole, shown above the fields once anything was touched. */
    public ReadOnlyStringProperty generalProperty() {
        return general.getReadOnlyProperty();
    }

    /**
     * The fields with a problem among these whose message does not show yet (not touched), in
     * the order of the fields: what the page lists as still needed.
     */
    public List<String> unmarked(List<Problem> problems) {
        return byField.keySet().stream().filter(f -> message(f).isEmpty())
                .filter(f -> problems.stream().anyMatch(p -> p.field().equals(prefix + "." + f))).toList();
    }

    /** "Still needed: a, b." for what is missing but not marked; empty when nothing is. */
    public static String stillNeeded(List<String> descriptions) {
        return descriptions.isEmpty() ? "" : "Still needed: " + String.join(", ", descriptions) + ".";
    }

    /** The person changed this field: its message shows from now on. */
    public void touch(String field) {
        if (touched.add(field)) {
            show(last);
        }
    }

    /** Show every message: values loaded from a file, or the person tried to go on. */
    public void touchAll() {
        touched.addAll(byField.keySet());
        show(last);
    }

    /**
     * Shows the problems that concern this step.
     *
     * @param problems every problem of the draft (others' are ignored), plus the step's own
     *                 (e.g. "is not a number") with the same kind of path
     * @return true when none concerns this step, touched or not
     */
    public boolean show(List<Problem> problems) {
        last = List.copyOf(problems);
        Map<String, String> first = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        boolean clean = true;
        for (Problem p : problems) {
            String field = p.field();
            if (!field.equals(prefix) && !field.startsWith(prefix + ".")) {
                continue;
            }
            clean = false;
            String rest = field.equals(prefix) ? "" : field.substring(prefix.length() + 1);
            String key = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            if (byField.containsKey(key)) {
                first.putIfAbsent(key, p.message());
            } else {
                others.add(rest.isEmpty() ? p.message() : rest + ": " + p.message());
            }
        }
        byField.forEach((f, w) -> w.set(touched.contains(f) ? first.getOrDefault(f, "") : ""));
        general.set(touched.isEmpty() ? "" : String.join("\n", others));
        return clean;
    }
}

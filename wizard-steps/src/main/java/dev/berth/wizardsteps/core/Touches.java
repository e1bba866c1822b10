package dev.berth.wizardsteps.core;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Fields the person changed, marked as touched only after the new problems are shown. Marking
 * first makes {@link FieldMessages} show the previous edit's problems for a moment, and a message
 * that comes and goes within one pulse can leave a ControlsFX decoration behind on screen.
 */
public final class Touches {
    private final Set<String> fields = new LinkedHashSet<>();
    private boolean all;

    public void add(String field) {
        fields.add(field);
    }

    /** Every field: answers loaded from a file or the target. */
    public void addAll() {
        all = true;
    }

    /** Marks the fields in the messages; call right after {@link FieldMessages#show} with the current problems. */
    public void applyTo(FieldMessages messages) {
        if (all) {
            messages.touchAll();
        }
        fields.forEach(messages::touch);
        all = false;
        fields.clear();
    }
}

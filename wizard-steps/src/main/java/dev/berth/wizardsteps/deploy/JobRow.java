package dev.berth.wizardsteps.deploy;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One step of the deploy on the Deploy page: what it does and how far it got, including its undo. */
public final class JobRow {
    public enum Status {
        WAITING, RUNNING, DONE, FAILED,
        /** Put back during the rollback. */
        UNDONE,
        /** Its undo failed too: the person must look at it. */
        UNDO_FAILED
    }

    private final String description;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.WAITING);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    JobRow(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Status status() {
        return status.get();
    }

    /** Why it failed, or why its undo did; empty otherwise. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /**
     * What the step does right now, for a step that reports its own parts (the wiring:
     * "Connecting Sonarr…", then "Sonarr: all 3 links work", and at the end of the deploy how all its
     * links came out); empty otherwise, and while a step that is done has nothing to add.
     */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    void note(String now) {
        note.set(now == null ? "" : now);
    }

    void set(Status s, String why) {
        status.set(s);
        if (s == Status.DONE) {
            note.set("");
        }
        if (why != null) {
            detail.set(why);
        }
    }
}

package dev.berth.wizardsteps.apps;

import dev.berth.catalog.ServiceDefinition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One app on the Apps page: what the catalog says about it, whether the person chose it, and
 * whether it runs anyway because a chosen app needs it (with the reason), or cannot run beside one.
 */
public final class AppCard {
    private final ServiceDefinition service;
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");
    private final ReadOnlyBooleanWrapper added = new ReadOnlyBooleanWrapper(this, "added");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    AppCard(ServiceDefinition service) {
        this.service = service;
    }

    public String id() {
        return service.id();
    }

    public String name() {
        return service.name();
    }

    public String description() {
        return service.description().strip();
    }

    public int ramMb() {
        return service.ramMb();
    }

    /** The person's choice; bound both ways by the card's check box. */
    public BooleanProperty chosenProperty() {
        return chosen;
    }

    /** Runs although not chosen: a chosen app requires it. */
    public ReadOnlyBooleanProperty addedProperty() {
        return added.getReadOnlyProperty();
    }

    /** Why it was added, or what it cannot run beside; empty otherwise. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    void show(boolean isAdded, String why) {
        added.set(isAdded);
        note.set(why == null ? "" : why);
    }

    ServiceDefinition service() {
        return service;
    }
}

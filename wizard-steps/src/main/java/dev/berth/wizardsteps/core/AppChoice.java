package dev.berth.wizardsteps.core;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One app a page lets the person tick: route it through the VPN, protect it with a sign-in page. */
public final class AppChoice {
    private final String id;
    private final String name;
    private final BooleanProperty selected;

    AppChoice(String id, String name, boolean selected) {
        this.id = id;
        this.name = name;
        this.selected = new SimpleBooleanProperty(this, "selected", selected);
    }

    public String id() {
        return id;
    }

    /** As the catalog names it, e.g. "qBittorrent". */
    public String name() {
        return name;
    }

    /** Bound both ways by the View's check box. */
    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }
}

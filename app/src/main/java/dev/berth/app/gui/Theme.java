package dev.berth.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Light or dark AtlantaFX theme. Follows the system's setting until the person flips the switch,
 * then keeps their choice for this session.
 */
final class Theme {
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private boolean chosenByPerson;
    private boolean followingSystem;

    Theme() {
        var prefs = Platform.getPreferences();
        dark.set(prefs.getColorScheme() == ColorScheme.DARK);
        prefs.colorSchemeProperty().addListener((o, was, now) -> {
            if (!chosenByPerson) {
                followingSystem = true;
                dark.set(now == ColorScheme.DARK);
                followingSystem = false;
            }
        });
        dark.addListener(o -> {
            // Any change that is not the system's came from the switch: from now on it is the person's choice.
            chosenByPerson |= !followingSystem;
            apply();
        });
        apply();
    }

    /** The switch: bound both ways to the toggle in the sidebar. */
    BooleanProperty darkProperty() {
        return dark;
    }

    private void apply() {
        Application.setUserAgentStylesheet(dark.get() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}

package dev.berth.wizardsteps.apps;

import dev.berth.catalog.QualityProfileSpec;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The TRaSH quality profile Recyclarr keeps in one app, chosen among those its catalog entry offers
 * ({@code recyclarr.profiles}, the default first).
 *
 * @param app      the app's catalog id ("sonarr"), as {@code media.qualityProfiles} names it
 * @param appName  what the person reads ("Sonarr")
 * @param profiles what it offers, the default first; never empty
 * @param chosen   the profile chosen; bound by the page's choice box
 */
public record ProfileChoice(String app, String appName, List<QualityProfileSpec> profiles, ObjectProperty<QualityProfileSpec> chosen) {
    ProfileChoice(String app, String appName, List<QualityProfileSpec> profiles) {
        this(app, appName, List.copyOf(profiles), new SimpleObjectProperty<>(profiles.getFirst()));
    }

    /** Chooses by key: the default for none, null for a key it does not offer (kept, so the validator names it). */
    void choose(String key) {
        chosen.set(key == null ? profiles.getFirst() : profiles.stream().filter(p -> p.key().equals(key)).findFirst().orElse(null));
    }

    /**
     * The key to write: null while the default is chosen (the answers then leave the app out), and
     * {@code unknown} (the key an answers file gave that this app does not offer) until one is chosen.
     */
    String keyUnlessDefault(String unknown) {
        QualityProfileSpec p = chosen.get();
        return p == null ? unknown : p.equals(profiles.getFirst()) ? null : p.key();
    }
}

package dev.berth.wizardsteps.vpn;

import dev.berth.catalog.Catalog;
import dev.berth.catalog.Category;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.wizardsteps.core.AppChoice;
import dev.berth.wizardsteps.core.AppChoices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.ObservableList;

/**
 * The chosen apps that can go through the VPN, ticked when they do (download clients unless the
 * person says otherwise). Offered from the catalog, which is loaded the first time it is needed.
 */
final class RoutedApps {
    private final Supplier<Catalog> loadCatalog;
    private final Supplier<List<String>> chosen;
    private final AppChoices choices;
    private Catalog catalog;

    /**
     * @param chosen  the apps chosen on the Apps page
     * @param changed the person ticked or unticked one
     */
    RoutedApps(Supplier<Catalog> loadCatalog, Supplier<List<String>> chosen, Runnable changed) {
        this.loadCatalog = loadCatalog;
        this.chosen = chosen;
        this.choices = new AppChoices(this::downloadClient, changed);
    }

    ObservableList<AppChoice> items() {
        return choices.items();
    }

    List<String> selected() {
        return choices.selected();
    }

    void select(List<String> ids) {
        choices.select(ids);
    }

    /** Loads the catalog the first time it is needed (it takes a moment), and offers the routed apps from it. */
    void ensureCatalog() {
        if (catalog == null) {
            catalog = loadCatalog.get();
            offer();
        }
    }

    /** The chosen apps changed: offers those that can go through the VPN; true when the ticked ones changed. */
    boolean chosenChanged() {
        return catalog != null && offer();
    }

    private boolean offer() {
        Map<String, String> apps = new LinkedHashMap<>();
        for (ServiceDefinition d : catalog.all()) {
            if (d.vpnCapable() && chosen.get().contains(d.id())) {
                apps.put(d.id(), d.name());
            }
        }
        return choices.offer(apps);
    }

    private boolean downloadClient(String id) {
        return catalog != null && catalog.find(id).map(d -> d.category() == Category.DOWNLOAD_CLIENT).orElse(false);
    }
}

package dev.berth.wizardsteps.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list of apps to tick that follows the apps chosen on the Apps page. What the person ticked or
 * cleared is remembered by app, so an app that leaves the list and comes back keeps its tick; an
 * app never touched is ticked by a default rule (e.g. download clients go through the VPN). Once
 * answers were loaded, their list is exact: apps it leaves out stay clear, also those offered
 * later (a file's pieces arrive one by one, so some of its apps are offered only later).
 */
public final class AppChoices {
    private final ObservableList<AppChoice> items = FXCollections.observableArrayList();
    private final ObservableList<AppChoice> readOnly = FXCollections.unmodifiableObservableList(items);
    /** The person's own ticks (or the loaded answers'), by app id; the default rule decides the rest. */
    private final Map<String, Boolean> decided = new HashMap<>();
    /** The order of the loaded answers' list, kept so loading and saving change nothing. */
    private List<String> loadedOrder = List.of();
    private boolean loaded;
    private final Predicate<String> byDefault;
    private final Runnable changed;
    private boolean updating;

    /**
     * @param byDefault whether an app the person has not decided about is ticked
     * @param changed   called after the person ticks or clears an app
     */
    public AppChoices(Predicate<String> byDefault, Runnable changed) {
        this.byDefault = byDefault;
        this.changed = changed;
    }

    /** The apps on offer, in order. */
    public ObservableList<AppChoice> items() {
        return readOnly;
    }

    /**
     * Offers these apps (id to name, in the order to show).
     *
     * @return whether the ticked apps changed
     */
    public boolean offer(Map<String, String> apps) {
        List<String> before = selected();
        List<String> ids = items.stream().map(AppChoice::id).toList();
        if (!ids.equals(List.copyOf(apps.keySet()))) {
            List<AppChoice> next = new ArrayList<>();
            apps.forEach((id, name) -> next.add(choice(id, name)));
            items.setAll(next);
        }
        refresh();
        return !before.equals(selected());
    }

    /** Ticks exactly these apps, now and when offered later (answers loaded from a file or the target). */
    public void select(Collection<String> ids) {
        decided.clear();
        loaded = true;
        loadedOrder = List.copyOf(ids);
        items.forEach(c -> decided.put(c.id(), ids.contains(c.id())));
        ids.forEach(id -> decided.put(id, true));
        refresh();
    }

    /** The ticked apps: those the loaded answers listed in their order, then the others in the order offered. */
    public List<String> selected() {
        List<String> ticked = items.stream().filter(AppChoice::isSelected).map(AppChoice::id).toList();
        List<String> ordered = new ArrayList<>(loadedOrder.stream().filter(ticked::contains).toList());
        ticked.stream().filter(id -> !ordered.contains(id)).forEach(ordered::add);
        return ordered;
    }

    private AppChoice choice(String id, String name) {
        AppChoice c = new AppChoice(id, name, ticked(id));
        c.selectedProperty().addListener(o -> {
            if (!updating) {
                decided.put(id, c.isSelected());
                changed.run();
            }
        });
        return c;
    }

    private void refresh() {
        updating = true;
        try {
            items.forEach(c -> c.selectedProperty().set(ticked(c.id())));
        } finally {
            updating = false;
        }
    }

    private boolean ticked(String id) {
        return decided.getOrDefault(id, !loaded && byDefault.test(id));
    }
}

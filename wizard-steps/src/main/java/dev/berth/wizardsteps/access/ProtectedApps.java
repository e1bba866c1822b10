package dev.berth.wizardsteps.access;

import dev.berth.answers.Answers;
import dev.berth.answers.ImpliedServices;
import dev.berth.catalog.Catalog;
import dev.berth.catalog.Category;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.wizardsteps.core.AppChoice;
import dev.berth.wizardsteps.core.AppChoices;
import dev.berth.wizardsteps.core.StepContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableList;

/**
 * The apps the sign-in page can protect: every app in the draft with a web page of its own, the
 * ones other pages switch on (Grafana, Uptime Kuma) included. Media servers and the request app
 * are not ticked at first: they have their own accounts, and TV and phone apps cannot get past a
 * sign-in page.
 */
final class ProtectedApps {
    /** Not offered: the sign-in page itself, and the proxy that puts it in front of the others. */
    private static final Set<String> NEVER = Set.of("authelia", "npm");
    private static final Set<Category> OWN_ACCOUNTS = Set.of(Category.MEDIA_SERVER, Category.REQUESTS);

    private final StepContext ctx;
    private final AppChoices choices;
    private Catalog catalog;

    /** @param changed called after the person ticks or clears an app */
    ProtectedApps(StepContext ctx, Runnable changed) {
        this.ctx = ctx;
        this.choices = new AppChoices(this::byDefault, changed);
    }

    /** Whether an app is protected until the person says otherwise: not media servers or requests. */
    private boolean byDefault(String id) {
        return catalog != null && catalog.find(id).map(d -> !OWN_ACCOUNTS.contains(d.category())).orElse(false);
    }

    ObservableList<AppChoice> items() {
        return choices.items();
    }

    List<String> selected() {
        return choices.selected();
    }

    void select(Collection<String> ids) {
        update();
        choices.select(ids);
    }

    /**
     * Offers the draft's apps with a web page; true when that changed the ticked ones. Before the
     * page is first needed nothing is offered: the catalog takes a moment to load.
     */
    boolean update() {
        Answers draft = ctx.model().answers();
        if (catalog == null) {
            if (draft.services().isEmpty()) {
                return false;
            }
            catalog = ctx.backend().catalog();
        }
        Map<String, String> apps = new LinkedHashMap<>();
        Set<String> implied = ImpliedServices.of(draft).keySet();
        for (ServiceDefinition d : catalog.all()) {
            boolean inDraft = draft.services().contains(d.id()) || implied.contains(d.id());
            if (inDraft && d.web() != null && d.web().publish() && !NEVER.contains(d.id())) {
                apps.put(d.id(), d.name());
            }
        }
        return choices.offer(apps);
    }
}

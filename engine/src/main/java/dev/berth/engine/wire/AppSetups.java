package dev.berth.engine.wire;

import dev.berth.catalog.Catalog;
import dev.berth.catalog.SetupSpec;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The {@link AppSetup} for each app whose catalog entry names a {@code setup.kind}. The code that
 * speaks an app's API is Java; which app uses which is the catalog's, so an app with the same
 * first-run API as one Berth knows is a YAML file.
 */
public final class AppSetups {
    /** kind → the setup of one planned app. */
    private static final Map<String, BiFunction<StackPlan, PlannedService, AppSetup>> KINDS = Map.of(
            "jellyfin", (plan, s) -> new MediaServerSetup(plan, s, MediaLibrary.wanted(plan, s, Catalog.builtIn()), MediaServerApi.JELLYFIN),
            "emby", (plan, s) -> new MediaServerSetup(plan, s, MediaLibrary.wanted(plan, s, Catalog.builtIn()), MediaServerApi.EMBY),
            "plex", PlexSetup::new,
            "seerr", SeerrSetup::new,
            "bazarr", BazarrSetup::new);

    private AppSetups() {
    }

    /** Every setup of the plan, in the plan's order. */
    public static List<AppSetup> of(StackPlan plan) {
        List<AppSetup> out = new ArrayList<>();
        for (PlannedService s : plan.servicesInChosenOrder()) {
            SetupSpec spec = s.definition().setup();
            if (spec == null) {
                continue;
            }
            var factory = KINDS.get(spec.kind());
            if (factory == null) {
                throw new IllegalArgumentException("The catalog entry " + s.definition().id() + " names setup.kind '"
                        + spec.kind() + "', which this Berth does not know (it knows " + known() + "): fix services/"
                        + s.definition().id() + ".yaml");
            }
            out.add(factory.apply(plan, s));
        }
        return out;
    }

    /** The kinds this Berth knows, for the catalog check. */
    public static Set<String> known() {
        return new java.util.TreeSet<>(KINDS.keySet());
    }
}

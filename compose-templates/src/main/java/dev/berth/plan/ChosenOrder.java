package dev.berth.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The order in which services that serve other apps list those apps (exporters, Homepage's keys,
 * Unpackerr, Recyclarr): first as the person chose them, then the ones added for them in catalog
 * order. So a stack's files follow the person's own list, whatever the catalog holds.
 */
public final class ChosenOrder {
    private ChosenOrder() {
    }

    public static <T> List<T> of(List<String> chosen, Collection<T> services, Function<T, String> name) {
        List<T> ordered = new ArrayList<>();
        for (String id : chosen) {
            services.stream().filter(s -> name.apply(s).equals(id)).findFirst().ifPresent(ordered::add);
        }
        for (T s : services) {
            if (!ordered.contains(s)) {
                ordered.add(s);
            }
        }
        return ordered;
    }
}

package dev.berth.plan;

import dev.berth.catalog.Image;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The images {@code berth update} pinned, by Compose service name: kept in the stack folder
 * ({@code render.PinsFile}) so that every later render, deploy and the wizard run them, and the
 * diff shows a pin's change like any other image change.
 */
public record ImagePins(SortedMap<String, ImagePin> services) {
    public static final ImagePins NONE = new ImagePins(new TreeMap<>());

    public ImagePins {
        services = Collections.unmodifiableSortedMap(new TreeMap<>(services));
    }

    public boolean isEmpty() {
        return services.isEmpty();
    }

    public Optional<ImagePin> of(String service) {
        return Optional.ofNullable(services.get(service));
    }

    /** These pins with {@code service} pinned as {@code pin} (replacing its earlier pin). */
    public ImagePins with(String service, ImagePin pin) {
        SortedMap<String, ImagePin> more = new TreeMap<>(services);
        more.put(service, pin);
        return new ImagePins(more);
    }

    /**
     * The pins that stand for these services, by name to the catalog's image: a pin of a service no
     * longer planned goes, and so does one the catalog moved past ({@link ImagePin#holdsOver}).
     */
    public ImagePins holding(Map<String, Image> catalogImages) {
        SortedMap<String, ImagePin> held = new TreeMap<>();
        services.forEach((name, pin) -> {
            Image catalog = catalogImages.get(name);
            if (catalog != null && pin.holdsOver(catalog)) {
                held.put(name, pin);
            }
        });
        return new ImagePins(held);
    }
}

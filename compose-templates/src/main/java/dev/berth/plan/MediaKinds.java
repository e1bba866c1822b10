package dev.berth.plan;

import dev.berth.catalog.Category;
import dev.berth.catalog.LibrarySpec;
import dev.berth.catalog.ServiceDefinition;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The kinds of media a stack keeps ({@code movies}, {@code tv}, {@code music}): each *arr app's
 * {@code library.category} says which kind it files, so the folders, the download clients'
 * categories and the media servers' libraries follow the apps chosen, from the catalog alone.
 */
public final class MediaKinds {
    private MediaKinds() {
    }

    /**
     * The kinds the *arr apps among these services file, in the order given, each once: the
     * download clients get a category and a folder for each, and so does {@code media/}.
     */
    public static List<String> filed(Collection<ServiceDefinition> services) {
        return services.stream().map(ServiceDefinition::library).filter(Objects::nonNull)
                .map(LibrarySpec::category).distinct().toList();
    }

    /**
     * The kinds with a folder under {@code media/} (and a library in a media server): those the
     * *arr apps file or, with no *arr app, the media servers' own {@code setup.defaultLibraries},
     * for files the person puts there by hand.
     */
    public static List<String> shown(Collection<ServiceDefinition> services) {
        List<String> filed = filed(services);
        if (!filed.isEmpty()) {
            return filed;
        }
        Set<String> defaults = new LinkedHashSet<>();
        for (ServiceDefinition s : services) {
            defaults.addAll(defaultsOf(s));
        }
        return List.copyOf(defaults);
    }

    /**
     * The kinds one media server of these services shows (its libraries, its Homepage tile's
     * counts): those the *arr apps file or, with none, its own {@code setup.defaultLibraries}.
     */
    public static List<String> shownBy(ServiceDefinition server, Collection<ServiceDefinition> services) {
        List<String> filed = filed(services);
        return filed.isEmpty() ? defaultsOf(server) : filed;
    }

    /** The kinds one media server shows with no *arr app chosen; empty for any other service. */
    public static List<String> defaultsOf(ServiceDefinition service) {
        return service.category() == Category.MEDIA_SERVER && service.setup() != null
                ? service.setup().defaultLibraries() : List.of();
    }
}

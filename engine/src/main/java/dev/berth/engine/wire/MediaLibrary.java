package dev.berth.engine.wire;

import dev.berth.catalog.Catalog;
import dev.berth.catalog.LibrarySpec;
import dev.berth.catalog.ServiceDefinition;
import dev.berth.plan.MediaKinds;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One library Berth makes in a media server: what the person sees, the server's collection type,
 * and the folder inside the container.
 *
 * @param name the library's name ("Movies")
 * @param type Jellyfin's and Emby's collection type ({@code movies}, {@code tvshows}, {@code music})
 * @param path the folder ({@code /data/media/movies}), where the *arr app files what it fetched
 */
public record MediaLibrary(String name, String type, String path) {

    /**
     * The libraries for a media server of a plan, from the catalog's {@code library.mediaServerLibrary}:
     * one per *arr app chosen, in the order the person chose them; with none, one per kind of the
     * server's own {@code setup.defaultLibraries}, named as the catalog's *arr app of that kind
     * names it (the person then puts files into those folders by hand, which the deploy made).
     */
    public static List<MediaLibrary> wanted(StackPlan plan, PlannedService server, Catalog catalog) {
        List<MediaLibrary> out = new ArrayList<>();
        for (PlannedService s : plan.servicesInChosenOrder()) {
            of(s.definition()).ifPresent(out::add);
        }
        if (out.isEmpty()) {
            // No *arr app: the server's own kinds, each named as the catalog's *arr app of that kind names it.
            for (String kind : MediaKinds.defaultsOf(server.definition())) {
                catalog.all().stream().filter(d -> d.library() != null && d.library().category().equals(kind))
                        .map(MediaLibrary::of).flatMap(Optional::stream).findFirst().ifPresent(out::add);
            }
        }
        return List.copyOf(out);
    }

    private static Optional<MediaLibrary> of(ServiceDefinition d) {
        LibrarySpec library = d.library();
        if (library == null || library.mediaServerLibrary() == null) {
            return Optional.empty();
        }
        return Optional.of(new MediaLibrary(library.mediaServerLibrary().name(), library.mediaServerLibrary().type(),
                library.rootFolder()));
    }
}

package dev.berth.plan;

import dev.berth.catalog.Category;
import dev.berth.catalog.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The TRaSH folder layout under the data root: one tree, one filesystem, so the *arr apps can
 * hard-link finished downloads into the library instead of copying them.
 */
public final class DataTree {
    private static final List<String> KINDS = List.of("movies", "tv", "music", "books");

    private DataTree() {
    }

    /** Folders to create under the data root, relative, parents before children. */
    public static List<String> directories(List<PlannedService> services) {
        return forDefinitions(services.stream().map(PlannedService::definition).toList());
    }

    /** The same from catalog entries: for a preview before there is a plan (the wizard's Storage page). */
    public static List<String> forDefinitions(java.util.Collection<ServiceDefinition> services) {
        boolean torrents = services.stream().anyMatch(s -> s.relations().provides().contains("torrent-client"));
        boolean usenet = services.stream().anyMatch(s -> s.relations().provides().contains("usenet-client"));
        boolean media = services.stream().anyMatch(s -> s.category() == Category.MEDIA_SERVER
                || s.category() == Category.ARR);
        List<String> dirs = new ArrayList<>();
        if (torrents) {
            dirs.add("torrents");
            KINDS.forEach(k -> dirs.add("torrents/" + k));
        }
        if (usenet) {
            dirs.add("usenet");
            dirs.add("usenet/incomplete");
            dirs.add("usenet/complete");
            KINDS.forEach(k -> dirs.add("usenet/complete/" + k));
        }
        if (media || torrents || usenet) {
            dirs.add("media");
            KINDS.forEach(k -> dirs.add("media/" + k));
        }
        return List.copyOf(dirs);
    }
}

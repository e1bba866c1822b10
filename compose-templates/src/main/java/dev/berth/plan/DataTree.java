package dev.berth.plan;

import dev.berth.catalog.Category;
import dev.berth.catalog.DownloadClientSpec;
import dev.berth.catalog.ServiceDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The TRaSH folder layout under the data root: one tree, one filesystem, so the *arr apps can
 * hard-link finished downloads into the library instead of copying them. It holds only what the
 * chosen apps use ({@link MediaKinds}): a folder per kind an *arr app files under each download
 * client's folder and under {@code media/}; with no *arr app, {@code media/} gets the media
 * servers' default kinds. Folders made by an earlier deploy are never removed; nobody lists them.
 */
public final class DataTree {
    private DataTree() {
    }

    /** Folders to create under the data root, relative, parents before children. */
    public static List<String> directories(List<PlannedService> services) {
        return forDefinitions(services.stream().map(PlannedService::definition).toList());
    }

    /** The same from catalog entries: for a preview before there is a plan (the wizard's Storage page). */
    public static List<String> forDefinitions(Collection<ServiceDefinition> services) {
        // Sorted, as `tree` shows them, so the order the apps were chosen in changes nothing.
        List<String> filed = MediaKinds.filed(services).stream().sorted().toList();
        List<String> shown = MediaKinds.shown(services).stream().sorted().toList();
        boolean torrents = downloadsBy(services, DownloadClientSpec.TORRENT);
        boolean usenet = downloadsBy(services, DownloadClientSpec.USENET);
        boolean media = services.stream().anyMatch(s -> s.category() == Category.MEDIA_SERVER
                || s.category() == Category.ARR);
        List<String> dirs = new ArrayList<>();
        if (torrents) {
            dirs.add("torrents");
            filed.forEach(k -> dirs.add("torrents/" + k));
        }
        if (usenet) {
            dirs.add("usenet");
            dirs.add("usenet/incomplete");
            dirs.add("usenet/complete");
            filed.forEach(k -> dirs.add("usenet/complete/" + k));
        }
        if (media || torrents || usenet) {
            dirs.add("media");
            shown.forEach(k -> dirs.add("media/" + k));
        }
        return List.copyOf(dirs);
    }

    /** Whether a download client of this protocol is among them: its folder is {@code /data/torrents} or {@code /data/usenet}. */
    private static boolean downloadsBy(Collection<ServiceDefinition> services, String protocol) {
        return services.stream().anyMatch(s -> s.downloadClient() != null && protocol.equals(s.downloadClient().protocol()));
    }
}

package dev.berth.render.clients;

import java.util.Optional;

/**
 * A download client's own settings file, in its config folder, that Berth fills in before the
 * client first starts (sign-in, folders, categories, port). The client rewrites the file itself
 * while it runs, and the person may change it through the client's pages, so Berth never replaces
 * it: it sets only the keys it owns and keeps every other line as it is.
 */
public interface SettingsFile {
    /** The compose service whose config folder holds the file ("qbittorrent"). */
    String service();

    /** Where the file is on the target: an absolute path under the stack's config root. */
    String path();

    /**
     * The file with Berth's keys set.
     *
     * @param existing the file as it is on the target; empty when there is none yet
     * @return the content to write and which keys it sets; nothing to write when every key
     *         Berth owns already holds its value
     */
    SettingsMerge merge(Optional<String> existing);
}

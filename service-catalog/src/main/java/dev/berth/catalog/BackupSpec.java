package dev.berth.catalog;

import java.util.List;

/**
 * How Berth backs up the app's config folder (the backup runs restic over the stack folder and
 * every app's config folder; media is never part of it).
 *
 * @param excludes        paths inside the app's config folder that are left out: caches, logs,
 *                        transcodes, downloaded artwork the app fetches again. restic patterns,
 *                        relative to the config folder ({@code logs}, {@code Library/Application Support/Plex Media Server/Cache})
 * @param stopForSnapshot the app keeps a database (SQLite) it writes at any moment: it is stopped
 *                        while the snapshot is taken, so the copy is never a half-written database
 * @param reason          why the app is stopped, in a few words the backup report shows
 *                        ("keeps its library in SQLite"); null when it is not stopped
 */
public record BackupSpec(List<String> excludes, boolean stopForSnapshot, String reason) {

    /** An app without a {@code backup:} section: its whole config folder, copied while it runs. */
    public static final BackupSpec LIVE_COPY = new BackupSpec(List.of(), false, null);

    public BackupSpec {
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }
}

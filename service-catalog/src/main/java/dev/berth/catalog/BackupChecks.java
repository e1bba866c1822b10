package dev.berth.catalog;

/**
 * The checks of a service's {@code backup} section, for {@link DefinitionChecker}: their own file,
 * as they speak of what the backup saves and reports, which nothing else in a definition does.
 */
final class BackupChecks {
    private final ServiceDefinition def;
    private final DefinitionChecker checker;

    BackupChecks(ServiceDefinition def, DefinitionChecker checker) {
        this.def = def;
        this.checker = checker;
    }

    /**
     * The excludes become absolute paths under the app's config folder (restic patterns), so each must
     * stay inside it; a stopped app needs the words the backup report shows.
     */
    void check() {
        BackupSpec backup = def.backup();
        if (backup == BackupSpec.LIVE_COPY) {
            return;
        }
        boolean hasConfig = def.volumes().stream().anyMatch(v -> v.kind() == VolumeSpec.Kind.CONFIG);
        checker.require(hasConfig, "backup", "needs a 'config' volume: the backup saves the app's config folder, and this app has none;"
                + " leave 'backup' out");
        for (int i = 0; i < backup.excludes().size(); i++) {
            String exclude = backup.excludes().get(i);
            checker.require(exclude != null && DefinitionChecker.insideFolder(exclude), "backup.excludes[" + i + "]",
                    "must be a path inside the app's config folder, relative to it and without '..' (e.g. logs or"
                            + " Library/Application Support/Plex Media Server/Cache)");
        }
        if (backup.stopForSnapshot()) {
            checker.require(DefinitionChecker.notBlank(backup.reason()) && backup.reason().lines().count() == 1 && backup.reason().length() <= 80,
                    "backup.reason", "is required with 'stopForSnapshot: true': a few words on one line the backup report shows"
                            + " (e.g. keeps its library in SQLite)");
        } else {
            checker.require(backup.reason() == null, "backup.reason",
                    "is shown only for an app stopped for the snapshot: add 'stopForSnapshot: true' or leave 'reason' out");
        }
    }
}

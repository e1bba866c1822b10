package dev.berth.plan;

import dev.berth.answers.BackupAnswers;
import dev.berth.answers.InvalidAnswersException;
import dev.berth.answers.StorageAnswers;
import dev.berth.answers.TextRules;
import dev.berth.catalog.BackupSpec;
import dev.berth.catalog.VolumeSpec;
import dev.berth.secrets.SecretGenerator;
import dev.berth.secrets.SecretStore;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Works out {@link BackupPlan} from a plan: the stack folder and every app's config folder, less the
 * catalog's excludes; the apps that keep SQLite stopped for the snapshot. Named volumes (Redis' cache
 * of Authelia's sessions) are not backed up: they live in Docker's own folder, hold nothing a person
 * made, and a session store restored to an older state only signs people out.
 */
final class BackupPlanner {
    /** restic's cache, inside the stack folder so each run reuses it; never part of a snapshot. */
    static final String RESTIC_CACHE = ".berth/restic-cache";
    /**
     * The folders a restore moved aside ({@code <folder>.before-restore-<time>}, kept for the person):
     * what stood before a restore, never worth a place in the next snapshot.
     */
    static final String MOVED_ASIDE = "*.before-restore-*";
    /** Longer than the 32 characters the issue asks for; letters and digits, so any file or variable holds it. */
    static final int PASSWORD_LENGTH = 40;

    private BackupPlanner() {
    }

    static Optional<BackupPlan> plan(StackPlan plan) {
        BackupAnswers backup = plan.answers().backup();
        if (!backup.enabled()) {
            return Optional.empty();
        }
        StorageAnswers storage = plan.answers().storage();
        String stackDir = storage.stackDir();

        java.util.SortedMap<String, String> configFolders = new TreeMap<>();
        LinkedHashSet<String> folders = new LinkedHashSet<>();
        List<String> excludes = new ArrayList<>();
        for (PlannedService s : plan.services()) {
            List<VolumeSpec> configs = s.definition().volumes().stream().filter(v -> v.kind() == VolumeSpec.Kind.CONFIG).toList();
            if (configs.isEmpty()) {
                continue;
            }
            // The catalog's excludes are relative to the app's own folder under the config root.
            String appFolder = storage.configRoot() + "/" + s.name();
            configs.forEach(v -> folders.add(Planner.configFolder(plan.answers(), s.name(), v)));
            configFolders.put(s.name(), configs.stream().filter(v -> v.source() == null).findFirst()
                    .map(v -> appFolder).orElse(Planner.configFolder(plan.answers(), s.name(), configs.getFirst())));
            BackupSpec spec = s.definition().backup();
            spec.excludes().forEach(e -> excludes.add(appFolder + "/" + e));
        }

        List<String> candidates = new ArrayList<>();
        candidates.add(stackDir);
        candidates.addAll(folders);
        // A folder inside another one (a config root under the stack folder, NPM's letsencrypt) is saved with it.
        List<String> paths = candidates.stream().distinct()
                .filter(c -> candidates.stream().noneMatch(other -> !other.equals(c) && TextRules.within(c, other))).toList();
        if (paths.stream().anyMatch(p -> TextRules.within(storage.dataRoot(), p))) {
            excludes.add(storage.dataRoot()); // never the media, even when the data root lies in a saved folder
        }
        excludes.add(stackDir + "/" + RESTIC_CACHE);
        excludes.add(MOVED_ASIDE);

        return Optional.of(new BackupPlan(backup.repository().strip(), backup.repositoryKind().orElseThrow(),
                "berth-" + plan.projectName(), paths, excludes, stopped(plan), configFolders,
                LocalTime.parse(backup.time()), backup.keep(), backup.scheduler(), BackupPlan.RESTIC_IMAGE));
    }

    /**
     * The secrets backups need, kept in {@code secrets/}: the repository password (generated once and
     * kept on every re-run: a new one would lock every earlier snapshot away), and the bucket's secret
     * key or the rest-server's password, typed once and then kept, as the VPN's private key is.
     *
     * @throws InvalidAnswersException when a typed secret is needed and neither the answers nor the stack hold it
     */
    static void decideSecrets(BackupAnswers backup, SecretStore secrets, SecretGenerator generator) {
        if (!backup.enabled()) {
            return;
        }
        secrets.keepOrCreate(BackupPlan.PASSWORD_SECRET, () -> generator.alphanumeric(PASSWORD_LENGTH));
        BackupAnswers.Credentials credentials = backup.credentials();
        switch (backup.repositoryKind().orElseThrow()) {
            case S3 -> Wiring.required(secrets, BackupPlan.S3_SECRET_KEY_SECRET, credentials == null ? null : credentials.secretAccessKey(),
                    "backup.credentials.secretAccessKey", "is required for an S3 repository: type the bucket's secret access key"
                            + " (Berth keeps it in secrets/" + BackupPlan.S3_SECRET_KEY_SECRET + ")");
            case REST -> {
                if (credentials != null && credentials.username() != null) {
                    Wiring.required(secrets, BackupPlan.REST_PASSWORD_SECRET, credentials.password(), "backup.credentials.password",
                            "is required with a username: type the rest-server user's password (Berth keeps it in secrets/"
                                    + BackupPlan.REST_PASSWORD_SECRET + ")");
                }
            }
            // Berth's own key for the SFTP server: made once, its public half shown to the person to add there.
            case SFTP -> secrets.keepOrCreate(BackupPlan.SSH_KEY_SECRET, generator::sshKey);
            case LOCAL -> { }
        }
    }

    /**
     * The apps the catalog says to stop, dependents first: the reverse of the order Compose starts
     * them in, so no app runs while something it needs is stopped. The script starts them again in
     * reverse, which is Compose's order.
     */
    private static List<BackupPlan.StoppedApp> stopped(StackPlan plan) {
        List<String> startOrder = new ArrayList<>();
        Map<String, PlannedService> byName = new LinkedHashMap<>();
        plan.services().forEach(s -> byName.put(s.name(), s));
        byName.keySet().forEach(name -> visit(name, byName, startOrder));
        List<BackupPlan.StoppedApp> stopped = new ArrayList<>();
        for (String name : startOrder.reversed()) {
            BackupSpec spec = byName.get(name).definition().backup();
            if (spec.stopForSnapshot()) {
                stopped.add(new BackupPlan.StoppedApp(name, spec.reason()));
            }
        }
        return stopped;
    }

    private static void visit(String name, Map<String, PlannedService> byName, List<String> order) {
        if (order.contains(name)) {
            return;
        }
        // DependencyOrder has refused cycles already.
        byName.get(name).dependsOn().keySet().forEach(dep -> visit(dep, byName, order));
        order.add(name);
    }

}

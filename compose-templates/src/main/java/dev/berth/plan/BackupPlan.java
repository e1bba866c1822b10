package dev.berth.plan;

import dev.berth.answers.BackupAnswers;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * What the backup takes and how, decided from the plan: a pure value the renderer turns into the
 * backup script, its exclude file and its schedule, and the engine reads to restore.
 *
 * @param repository     the restic repository, as the answers name it
 * @param kind           local folder, SFTP, S3 or rest-server
 * @param host           the host name every snapshot is recorded under ({@code restic --host}), the
 *                       same whichever scheduler ran it, so retention and restores see one history
 * @param paths          absolute folders on the target that are backed up: the stack folder first, then
 *                       each app's config folder (outside the stack folder) in plan order. Never media.
 * @param excludes       absolute restic patterns left out (the catalog's per-app excludes, the data
 *                       root when it lies inside a backed-up folder, restic's own cache)
 * @param stopped        the apps stopped while the snapshot is taken, in the order they are stopped
 *                       (they start again in reverse order)
 * @param configFolders  each backed-up app's config folder, by compose service name: what
 *                       {@code berth restore --service S} puts back
 * @param time           the daily backup time on the target's clock
 * @param keep           what {@code restic forget} keeps
 * @param scheduler      what starts the backup; {@code AUTO} until the engine has asked the target
 * @param resticImage    the restic image the backup script runs (so nothing is installed on the host)
 */
public record BackupPlan(
        String repository,
        BackupAnswers.RepositoryKind kind,
        String host,
        List<String> paths,
        List<String> excludes,
        List<StoppedApp> stopped,
        java.util.SortedMap<String, String> configFolders,
        LocalTime time,
        BackupAnswers.Keep keep,
        BackupAnswers.Scheduler scheduler,
        String resticImage) {

    /** restic's own image, pinned like every catalog image; the backup script runs it with {@code docker run}. */
    public static final String RESTIC_IMAGE = "restic/restic:0.18.1";
    /** The backup script, relative to the stack folder. */
    public static final String SCRIPT = "backup/berth-backup";
    /** The secret that opens the repository. */
    public static final String PASSWORD_SECRET = "restic_password";
    /** The private key the backup signs in to an SFTP repository with (its public half is shown to the person). */
    public static final String SSH_KEY_SECRET = "restic_ssh_key";
    /** An S3 repository's secret access key, typed once (the key id stays in the answers). */
    public static final String S3_SECRET_KEY_SECRET = "backup_s3_secret_key";
    /** A rest-server user's password, typed once (the user name stays in the answers). */
    public static final String REST_PASSWORD_SECRET = "backup_rest_password";
    /** Where the script records the last run, relative to the stack folder (JSON, see {@code LastBackup} in the engine). */
    public static final String LAST_BACKUP = ".berth/last-backup.json";

    public BackupPlan {
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        stopped = List.copyOf(stopped);
        configFolders = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(configFolders));
    }

    /**
     * An app stopped for the snapshot.
     *
     * The script finds its container by Compose's project and service labels: docker-compose 1.29
     * and Compose v2 name containers differently ({@code p_sonarr_1}, {@code p-sonarr-1}).
     *
     * @param service the compose service name
     * @param reason  why (the catalog's words: "keeps its library in SQLite")
     */
    public record StoppedApp(String service, String reason) {
    }

    /** The backup the plan asks for; empty when backups are off. */
    public static Optional<BackupPlan> of(StackPlan plan) {
        return BackupPlanner.plan(plan);
    }
}

package dev.berth.engine.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.stack.LockHolder;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackLock;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.OutputLines;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.BackupPlan;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Backing up and restoring one deployed stack on its target. Every restic command goes through
 * the stack's backup script, so this and the schedule never differ.
 */
public final class StackBackups {
    /** A first backup of a large Plex library reads tens of GB; the script stops itself on no connection. */
    static final Duration BACKUP_LIMIT = Duration.ofHours(12);
    static final Duration LIST_LIMIT = Duration.ofMinutes(10);
    /** How often a cancelled backup's restic is asked again to stop, until the script has ended. */
    private static final Duration CANCEL_REPEAT = Duration.ofMillis(300);
    static final String STACK_LABEL = "dev.berth.backup.stack";
    static final String RUN_LABEL = "dev.berth.backup.run";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Target target;
    private final StackPlan plan;
    private final Optional<BackupPlan> backup;
    private final String stackDir;
    private final ComposeTool compose;
    private final Clock clock;

    public StackBackups(Target target, StackPlan plan, String stackDir, ComposeTool compose, Clock clock) {
        this(target, plan, plan.backup(), stackDir, compose, clock);
    }

    /** With the backup worked out already (the plan's, or one a test makes). */
    public StackBackups(Target target, StackPlan plan, Optional<BackupPlan> backup, String stackDir, ComposeTool compose, Clock clock) {
        this.target = target;
        this.plan = plan;
        this.backup = backup;
        this.stackDir = trimmed(stackDir);
        this.compose = compose;
        this.clock = clock;
    }

    /** With the Compose the target has. */
    public static StackBackups onTarget(Target target, StackPlan plan, String stackDir) throws TargetException {
        return new StackBackups(target, plan, stackDir, ComposeTool.detect(target), Clock.systemUTC());
    }

    /**
     * Takes a backup now: stops the apps that must not be copied while they write, snapshots, starts
     * them. A cancel stops restic cleanly (it removes its lock) and the script then starts the apps;
     * every app the script said it stopped is started here too should the script have been cut off.
     *
     * @param progress readable lines as the backup goes, on the output's thread
     * @throws CancellationException when {@code cancelled} stopped it before a snapshot was saved
     */
    public BackupRun backup(Consumer<String> progress, BooleanSupplier cancelled)
            throws TargetException, StackBusyException, BackupException {
        BackupPlan b = configured();
        Instant began = clock.instant();
        ScriptOutput out = new ScriptOutput(b.stopped(), displayNames(), progress, clock);
        ExecResult r;
        try (StackLock lock = lock()) {
            OutputLines lines = new OutputLines(out::line);
            Thread stopper = Thread.ofVirtual().name("berth-backup-cancel").start(() -> stopWhenCancelled(cancelled));
            try {
                r = target.execStreaming(script("backup"), new byte[0], BACKUP_LIMIT, lines);
            } finally {
                stopper.interrupt();
                lines.end();
                startLeftStopped(out, progress);
            }
        }
        Optional<String> snapshot = out.snapshot();
        // A snapshot saved counts even when the script was cut off after it (while old snapshots were pruned).
        if (snapshot.isEmpty()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("The backup was stopped, as you asked: no snapshot was saved"
                        + (out.stoppedNames().isEmpty() ? "." : ", and " + String.join(", ", out.stoppedNames()) + " run again."));
            }
            throw errors().of(r.exitCode(), out.text(), "The backup");
        }
        Duration took = Duration.between(began, clock.instant());
        Snapshot saved = find(snapshot.get(), b);
        String added = out.added();
        String summary = "Snapshot " + snapshot.get() + " saved" + (added.isEmpty() ? "" : ", " + added + " added to the repository")
                + (out.stoppedNames().isEmpty() ? "; no app was stopped." : "; " + String.join(", ", out.stoppedNames())
                + (out.stoppedNames().size() == 1 ? " was" : " were") + " down " + ScriptOutput.seconds(out.appsDown()) + ".");
        return new BackupRun(saved, took, out.appsDown(), out.stoppedServices(), summary);
    }

    /** Until the script ends (this thread is interrupted): once cancelled, SIGINT to its restic, again and again. */
    private void stopWhenCancelled(BooleanSupplier cancelled) {
        try {
            while (!cancelled.getAsBoolean()) {
                Thread.sleep(CANCEL_REPEAT);
            }
            while (true) {
                interruptRestic();
                Thread.sleep(CANCEL_REPEAT);
            }
        } catch (InterruptedException ended) {
            // the script has ended
        }
    }

    /**
     * SIGINT, not SIGTERM: restic 0.14 cleans up (removes its lock) only on SIGINT, and exits 130,
     * on which the script stops and starts the apps again. Between two passes nothing runs; the
     * next pass is caught on the next round.
     */
    private void interruptRestic() {
        try {
            DockerClient docker = target.docker();
            for (Container c : docker.listContainersCmd().withLabelFilter(Map.of(STACK_LABEL, stackDir, RUN_LABEL, "backup")).exec()) {
                try {
                    docker.killContainerCmd(c.getId()).withSignal("SIGINT").exec();
                } catch (RuntimeException gone) {
                    // it ended meanwhile
                }
            }
        } catch (TargetException | RuntimeException e) {
            // asked again on the next round
        }
    }

    /** An app must never stay down because the script was cut off (killed, cancelled midway). */
    private void startLeftStopped(ScriptOutput out, Consumer<String> progress) throws TargetException {
        List<String> left = out.leftStopped();
        if (left.isEmpty()) {
            return;
        }
        DockerClient docker = target.docker();
        for (String service : left) {
            // By Compose's labels, as the script found it: docker-compose 1.29 and Compose v2 name containers differently.
            var containers = docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(
                    "com.docker.compose.project", plan.projectName(), "com.docker.compose.service", service)).exec();
            for (var c : containers) {
                try {
                    if (!"running".equals(c.getState())) {
                        docker.startContainerCmd(c.getId()).exec();
                        progress.accept("Started " + service + " again (the backup script was cut off before it did).");
                    }
                } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
                    // removed meanwhile (a deploy replaced it): nothing to start
                }
            }
        }
    }

    /** The stack's snapshots, oldest first (the live passes left out: each is only the parent of the real one). */
    public List<Snapshot> snapshots() throws TargetException, BackupException {
        BackupPlan b = configured();
        return list(b, List.of("--host", b.host()));
    }

    private List<Snapshot> list(BackupPlan b, List<String> args) throws TargetException, BackupException {
        List<String> argv = new ArrayList<>(script("restic"));
        argv.addAll(List.of("snapshots", "--json"));
        argv.addAll(args);
        ExecResult r = target.exec(argv, LIST_LIMIT);
        if (!r.ok()) {
            throw errors().of(r.exitCode(), r.stdout() + "\n" + r.stderr(), "Listing the snapshots");
        }
        return parseSnapshots(r.stdout());
    }

    static List<Snapshot> parseSnapshots(String json) throws BackupException {
        try {
            List<Snapshot> snapshots = new ArrayList<>();
            JsonNode array = JSON.readTree(json.isBlank() ? "[]" : json);
            for (JsonNode s : array) {
                List<String> tags = strings(s.path("tags"));
                if (tags.contains("berth-live")) {
                    continue;
                }
                String id = s.path("id").asText();
                snapshots.add(new Snapshot(id, s.path("short_id").asText(id.substring(0, Math.min(8, id.length()))),
                        OffsetDateTime.parse(s.path("time").asText()).toInstant(), s.path("hostname").asText(), tags,
                        strings(s.path("paths"))));
            }
            snapshots.sort(Comparator.comparing(Snapshot::time));
            return snapshots;
        } catch (java.io.IOException | RuntimeException e) {
            throw new BackupException(BackupException.Reason.FAILED, "restic's list of snapshots could not be read (" + e.getMessage()
                    + "). Run sh backup/berth-backup restic snapshots in the stack folder to see it.");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The snapshot just saved, as restic lists it; its short id alone if the list cannot be read. */
    private Snapshot find(String shortId, BackupPlan b) {
        try {
            List<Snapshot> found = list(b, List.of(shortId));
            if (!found.isEmpty()) {
                return found.getLast();
            }
        } catch (TargetException | BackupException e) {
            // the snapshot stands; only its details are missing
        }
        return new Snapshot(shortId, shortId, clock.instant(), b.host(), List.of("berth"), b.paths());
    }

    /** What restoring {@code snapshot} (latest when empty), of one service or all, would do. */
    public RestorePreview previewRestore(Optional<String> snapshot, Optional<String> service)
            throws TargetException, BackupException {
        return new StackRestore(this).preview(snapshot, service);
    }

    /**
     * Stops, restores, starts and waits for health. A cancel is taken until the apps are stopped;
     * once restic writes, the restore runs to its end (a half-written folder would be worse) and
     * the apps start again.
     */
    public RestoreOutcome restore(RestorePreview preview, Consumer<String> progress, BooleanSupplier cancelled)
            throws TargetException, StackBusyException, BackupException {
        return new StackRestore(this).restore(preview, progress, cancelled);
    }

    /** The last run the script recorded; empty when none ran yet (or backups are off), or its file cannot be read. */
    public static Optional<LastBackup> last(Target target, String stackDir) throws TargetException {
        String path = trimmed(stackDir) + "/" + BackupPlan.LAST_BACKUP;
        if (target.files().stat(path).isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = target.files().read(path);
        try {
            JsonNode n = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            String snapshot = n.path("snapshot").asText("");
            long down = n.path("appsDownSeconds").asLong(0);
            return Optional.of(new LastBackup(Instant.parse(n.path("time").asText()), n.path("ok").asBoolean(false),
                    snapshot.isEmpty() ? Optional.empty() : Optional.of(snapshot),
                    down > 0 ? Optional.of(Duration.ofSeconds(down)) : Optional.empty(), n.path("message").asText("")));
        } catch (java.io.IOException | RuntimeException halfWritten) {
            // the script writes it through a rename, but a person may have edited it: status must not break
            return Optional.empty();
        }
    }

    // For StackRestore.

    BackupPlan configured() throws BackupException {
        return backup.orElseThrow(() -> new BackupException(BackupException.Reason.NOT_CONFIGURED, "Backups are off for the stack "
                + plan.projectName() + ". Turn them on in the answers' backup: section (or on the wizard's Backups page) and deploy again."));
    }

    List<String> script(String... args) {
        List<String> argv = new ArrayList<>(List.of("sh", stackDir + "/" + BackupPlan.SCRIPT));
        argv.addAll(List.of(args));
        return argv;
    }

    ResticErrors errors() throws BackupException {
        return new ResticErrors(configured(), stackDir, target.description());
    }

    StackLock lock() throws TargetException, StackBusyException {
        return StackLock.acquire(target, stackDir, LockHolder.thisProcess(clock.instant()));
    }

    Map<String, String> displayNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (PlannedService s : plan.services()) {
            names.put(s.name(), s.displayName());
        }
        return names;
    }

    Target target() {
        return target;
    }

    StackPlan plan() {
        return plan;
    }

    String stackDir() {
        return stackDir;
    }

    ComposeTool compose() {
        return compose;
    }

    Clock clock() {
        return clock;
    }

    private static String trimmed(String dir) {
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }
}

package dev.berth.engine.backup;

import dev.berth.engine.deploy.AwaitHealthJob;
import dev.berth.engine.deploy.ComposeRun;
import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.deploy.JobContext;
import dev.berth.engine.deploy.ServicesNotUpException;
import dev.berth.engine.deploy.StackContainers;
import dev.berth.engine.stack.StackBusyException;
import dev.berth.engine.stack.StackLock;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.OutputLines;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.engine.target.TargetLock;
import dev.berth.plan.BackupPlan;
import dev.berth.plan.Placement;
import dev.berth.plan.PlannedService;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A restore of the whole stack or one app, for {@link StackBackups}: the snapshot and folders
 * worked out first, then under the stack's lock (and the backup script's, so a scheduled backup
 * does not stop and start apps meanwhile): stop, move each app folder aside, restic restore, start,
 * wait for health. restic 0.14 has no {@code --delete}, so a folder restored over would keep
 * files newer than the snapshot: each app folder is moved aside instead ({@code
 * <folder>.before-restore-<time>}), which also leaves the person what stood before.
 */
final class StackRestore {
    static final Duration COMPOSE_LIMIT = Duration.ofMinutes(15);
    static final Duration RESTORE_LIMIT = Duration.ofHours(12);
    static final Duration HEALTH_LIMIT = Duration.ofMinutes(5);
    private static final Duration FILE_LIMIT = Duration.ofMinutes(10);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** The script's records of its own runs: a restore must not turn them back into older ones. */
    private static final List<String> KEPT = List.of(BackupPlan.LAST_BACKUP, ".berth/last-check.json");

    private final StackBackups stack;
    private final Target target;

    StackRestore(StackBackups stack) {
        this.stack = stack;
        this.target = stack.target();
    }

    RestorePreview preview(Optional<String> wanted, Optional<String> service) throws TargetException, BackupException {
        BackupPlan b = stack.configured();
        List<Snapshot> all = stack.snapshots();
        if (all.isEmpty()) {
            throw new BackupException(BackupException.Reason.NO_SNAPSHOT, "The backup repository " + b.repository().strip()
                    + " holds no snapshot of this stack yet: berth backup takes one.");
        }
        Snapshot snapshot = wanted.map(String::strip).filter(w -> !w.isEmpty()).isPresent()
                ? pick(all, wanted.get().strip().toLowerCase(Locale.ROOT), b) : all.getLast();
        if (service.isEmpty()) {
            return new RestorePreview(snapshot, service, b.paths(), stack.plan().services().stream().map(PlannedService::name).toList());
        }
        String folder = b.configFolders().get(service.get());
        if (folder == null) {
            throw new BackupException(BackupException.Reason.FAILED, "The stack has no backed-up folder for a service \""
                    + service.get() + "\". Services whose folder can be restored: " + String.join(", ", b.configFolders().keySet())
                    + "; or leave --service out to restore the whole stack.");
        }
        if (snapshot.paths().stream().noneMatch(p -> folder.equals(p) || folder.startsWith(p.endsWith("/") ? p : p + "/"))) {
            throw new BackupException(BackupException.Reason.NO_SNAPSHOT, "Snapshot " + snapshot.shortId() + " does not hold "
                    + folder + " (it holds " + String.join(", ", snapshot.paths()) + "). Choose a later one: berth backups lists them.");
        }
        return new RestorePreview(snapshot, service, List.of(folder), withItsNamespace(service.get()));
    }

    /** A snapshot by its id or the start of it. */
    private static Snapshot pick(List<Snapshot> all, String prefix, BackupPlan b) throws BackupException {
        List<Snapshot> found = all.stream().filter(s -> s.id().startsWith(prefix)).toList();
        if (found.size() == 1) {
            return found.getFirst();
        }
        List<String> recent = new ArrayList<>();
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - 5); i--) {
            recent.add(all.get(i).shortId() + " (" + SHOWN.format(all.get(i).time()) + ")");
        }
        throw new BackupException(BackupException.Reason.NO_SNAPSHOT, (found.isEmpty() ? "No snapshot " + prefix + " of this stack is in "
                + b.repository().strip() : prefix + " is the start of " + found.size() + " snapshots' ids: type more of it")
                + ". The latest: " + String.join(", ", recent) + ".");
    }

    /**
     * The service, and when it is the VPN gateway every app in its network namespace: they lose
     * their network when it restarts, so they stop with it and start after it.
     */
    private List<String> withItsNamespace(String service) {
        List<String> services = new ArrayList<>(List.of(service));
        if (service.equals(Placement.VPN.addressOf(service))) {
            stack.plan().services().stream().filter(s -> s.placement() == Placement.VPN).map(PlannedService::name)
                    .filter(n -> !n.equals(service)).forEach(services::add);
        }
        return services;
    }

    RestoreOutcome restore(RestorePreview preview, Consumer<String> progress, BooleanSupplier cancelled)
            throws TargetException, StackBusyException, BackupException {
        BackupPlan b = stack.configured();
        String project = stack.plan().projectName();
        try (StackLock lock = stack.lock(); TargetLock backups = backupLock()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("The restore was stopped, as you asked, before anything was changed.");
            }
            boolean whole = preview.service().isEmpty();
            boolean running = StackContainers.exists(target, project);
            if (running) {
                progress.accept("Stopping " + names(preview.stopped()) + "…");
                stop(whole, preview.stopped());
            }
            Map<String, String> aside = new LinkedHashMap<>();
            try {
                String stamp = STAMP.format(stack.clock().instant());
                for (String folder : whole ? b.configFolders().values() : preview.paths()) {
                    moveAside(folder, folder + ".before-restore-" + stamp, aside);
                }
                progress.accept("Restoring " + String.join(", ", preview.paths()) + " from snapshot " + preview.snapshot().shortId() + "…");
                // restic 0.14 takes no --exclude beside --include: the records are put back by hand.
                Map<String, byte[]> records = whole ? records() : Map.of();
                restoreFiles(preview, progress);
                for (var record : records.entrySet()) {
                    target.files().writeAtomic(record.getKey(), record.getValue(), 0600);
                }
            } catch (BackupException | TargetException | RuntimeException e) {
                putBack(aside, e);
                if (running) {
                    startAgain(whole, preview, progress, e);
                }
                throw e;
            }
            List<String> lines = new ArrayList<>();
            aside.forEach((folder, old) -> lines.add("The folder " + folder + " as it was before the restore is kept at " + old
                    + " (delete it once all is well)."));
            if (whole) {
                lines.add("Files in " + stack.stackDir() + " newer than the snapshot were left as they are.");
            }
            if (!running) {
                lines.add("The stack has no containers: berth deploy --dir " + stack.stackDir() + " starts it with the restored files.");
                return new RestoreOutcome(true, restored(preview) + ".", lines);
            }
            startAgain(whole, preview, progress, null);
            return health(preview, progress, cancelled, lines);
        }
    }

    private TargetLock backupLock() throws TargetException, BackupException {
        target.files().mkdirs(stack.stackDir() + "/.berth");
        return target.tryLock(stack.stackDir() + "/.berth/backup.lock").orElseThrow(() -> new BackupException(
                BackupException.Reason.LOCKED, "A backup of this stack is running on " + target.description()
                + ". Nothing was stopped or restored: wait until it has finished, then restore again."));
    }

    /**
     * Compose stops them in order; but a whole stack is often restored because its files are lost,
     * and Compose cannot read a missing compose.yaml: then each of the project's containers is
     * stopped through Docker (the restore brings the file back for the start).
     */
    private void stop(boolean whole, List<String> services) throws TargetException {
        if (!whole || target.files().stat(stack.stackDir() + "/compose.yaml").isPresent()) {
            compose(whole, services, "stop", "Stopping the apps for the restore");
            return;
        }
        var docker = target.docker();
        for (var c : StackContainers.of(target, stack.plan().projectName())) {
            docker.stopContainerCmd(c.getId()).exec();
        }
    }

    private void compose(boolean whole, List<String> services, String verb, String what) throws TargetException {
        List<String> args = new ArrayList<>(List.of(verb));
        if (!whole) {
            args.addAll(services);
        }
        ComposeRun.run(target, stack.compose().argv(stack.plan().projectName(), stack.stackDir(), args.toArray(String[]::new)),
                COMPOSE_LIMIT, what, () -> false);
    }

    private void moveAside(String folder, String to, Map<String, String> aside) throws TargetException, BackupException {
        if (target.files().stat(folder).isEmpty()) {
            return; // deleted: nothing to keep
        }
        ExecResult r = target.exec(List.of("mv", "--", folder, to), FILE_LIMIT);
        if (!r.ok()) {
            throw new BackupException(BackupException.Reason.FAILED, "Could not move " + folder + " aside to " + to + " on "
                    + target.description() + " (" + r.stderr().strip() + "). Nothing was restored; restore as a user who may "
                    + "(root, or the stack's PUID).");
        }
        aside.put(folder, to);
    }

    private Map<String, byte[]> records() throws TargetException {
        Map<String, byte[]> records = new LinkedHashMap<>();
        for (String kept : KEPT) {
            String path = stack.stackDir() + "/" + kept;
            if (target.files().stat(path).isPresent()) {
                records.put(path, target.files().read(path));
            }
        }
        return records;
    }

    private void restoreFiles(RestorePreview preview, Consumer<String> progress) throws TargetException, BackupException {
        List<String> argv = stack.script("restic", "restore", preview.snapshot().id(), "--target", "/");
        for (String path : preview.paths()) {
            argv.addAll(List.of("--include", path));
        }
        OutputLines lines = new OutputLines(line -> {
            if (line.startsWith("restoring ") || line.startsWith("Summary:")) {
                progress.accept(line.strip());
            }
        });
        ExecResult r = target.execStreaming(argv, new byte[0], RESTORE_LIMIT, lines);
        lines.end();
        if (!r.ok()) {
            throw stack.errors().of(r.exitCode(), r.stdout() + "\n" + r.stderr(), "Restoring snapshot " + preview.snapshot().shortId());
        }
    }

    /** After a failed restore: each folder as it was, what restic wrote of it removed. */
    private void putBack(Map<String, String> aside, Exception failure) {
        aside.forEach((folder, old) -> {
            try {
                target.exec(List.of("rm", "-rf", "--", folder), FILE_LIMIT);
                target.exec(List.of("mv", "--", old, folder), FILE_LIMIT);
            } catch (TargetException e) {
                failure.addSuppressed(e);
            }
        });
    }

    private void startAgain(boolean whole, RestorePreview preview, Consumer<String> progress, Exception failure) throws TargetException {
        progress.accept("Starting " + names(preview.stopped()) + " again…");
        try {
            compose(whole, preview.stopped(), "start", "Starting the apps after the restore");
        } catch (TargetException | RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private RestoreOutcome health(RestorePreview preview, Consumer<String> progress, BooleanSupplier cancelled, List<String> lines)
            throws TargetException {
        progress.accept("Waiting until every service is healthy again…");
        JobContext context = new JobContext(target, stack.clock(), cancelled);
        boolean healthy = true;
        try {
            new AwaitHealthJob(stack.plan(), HEALTH_LIMIT).execute(context);
        } catch (ServicesNotUpException e) {
            healthy = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Stopped waiting for the services after the restore; berth status shows them.");
        }
        DeployReport report = context.outcomes().get(AwaitHealthJob.REPORT).orElse(new DeployReport(List.of()));
        List<String> out = new ArrayList<>();
        Map<String, String> display = stack.displayNames();
        for (DeployReport.ServiceReport s : report.services()) {
            if (preview.stopped().contains(s.service())) {
                out.add(display.getOrDefault(s.service(), s.service()) + ": " + (s.up() ? "up again" : "not up ("
                        + s.state().name().toLowerCase(Locale.ROOT) + (s.detail().isBlank() ? "" : ", " + s.detail().strip()) + ")"));
            }
        }
        report.services().stream().filter(s -> !s.up() && !preview.stopped().contains(s.service()))
                .forEach(s -> out.add(display.getOrDefault(s.service(), s.service()) + ": not up (it was not part of the restore)"));
        out.addAll(lines);
        return new RestoreOutcome(healthy, restored(preview) + (healthy ? "; every service is up again."
                : "; not every service is up again: berth status and berth logs show why."), out);
    }

    private String restored(RestorePreview preview) {
        return "Restored " + preview.service().map(s -> stack.displayNames().getOrDefault(s, s)).orElse("the whole stack")
                + " from snapshot " + preview.snapshot().shortId() + " (" + SHOWN.format(preview.snapshot().time()) + ")";
    }

    private String names(List<String> services) {
        Map<String, String> display = stack.displayNames();
        return String.join(", ", services.stream().map(s -> display.getOrDefault(s, s)).toList());
    }
}

package dev.berth.app.cli;

import dev.berth.engine.backup.BackupRun;
import dev.berth.engine.deploy.BackupSetup;
import dev.berth.engine.backup.LastBackup;
import dev.berth.engine.backup.RestoreOutcome;
import dev.berth.engine.backup.RestorePreview;
import dev.berth.engine.backup.Snapshot;
import dev.berth.plan.BackupPlan;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The backup lines of the command line: what {@code berth backup} took, the snapshots of
 * {@code berth backups}, the last run in {@code berth status}, what {@code berth restore} does, and
 * what a deploy set up. Pure: the clock and the time zone are given, so tests hold them still.
 */
final class BackupPrinter {
    private final Instant now;
    private final ZoneId zone;

    BackupPrinter(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * The summary after {@code berth backup}: the engine's sentence (snapshot, what was new, who was
     * down how long), then why those apps were stopped, in the catalog's words.
     *
     * @param names   a compose service's name for people ("sonarr" → "Sonarr")
     * @param stopped the apps the plan stops for the snapshot, with the catalog's reason
     */
    void run(BackupRun run, Function<String, String> names, List<BackupPlan.StoppedApp> stopped, PrintWriter out) {
        out.println(run.summary());
        if (run.stopped().isEmpty()) {
            return;
        }
        Map<String, String> reasons = stopped.stream().filter(s -> s.reason() != null)
                .collect(Collectors.toMap(BackupPlan.StoppedApp::service, BackupPlan.StoppedApp::reason, (a, b) -> a));
        List<String> who = run.stopped().stream().map(names).toList();
        List<String> why = run.stopped().stream().map(reasons::get).distinct().toList();
        String line = String.join(", ", who) + (who.size() == 1 ? " was" : " were") + " stopped for the snapshot";
        if (why.size() == 1 && why.getFirst() != null) {
            line += ": " + (who.size() == 1 ? "it " : "each ") + why.getFirst();
        } else if (why.stream().anyMatch(r -> r != null)) {
            List<String> each = new ArrayList<>();
            for (String service : run.stopped()) {
                Optional.ofNullable(reasons.get(service)).ifPresent(r -> each.add(names.apply(service) + " " + r));
            }
            line += ": " + String.join("; ", each);
        }
        out.println(line + ".");
    }

    /** {@code berth backups}: the snapshots newest first, then the last run. */
    void snapshots(String repository, List<Snapshot> oldestFirst, Optional<LastBackup> last, PrintWriter out) {
        if (oldestFirst.isEmpty()) {
            out.println("No snapshots in " + repository + " yet: berth backup takes one now.");
        } else {
            out.println("Snapshots in " + repository + ", newest first:");
            List<Snapshot> newestFirst = newestFirst(oldestFirst);
            int ageWidth = newestFirst.stream().mapToInt(s -> Ages.ago(s.time(), now).length()).max().orElse(0);
            for (Snapshot s : newestFirst) {
                int folders = s.paths().size();
                out.printf("  %s  %s  %-" + ageWidth + "s  %d folder%s%n", s.shortId(), Ages.local(s.time(), zone),
                        Ages.ago(s.time(), now), folders, folders == 1 ? "" : "s");
            }
        }
        out.println(lastLine(last).orElse("Last run: none yet."));
    }

    private static List<Snapshot> newestFirst(List<Snapshot> snapshots) {
        return snapshots.stream().sorted(Comparator.comparing(Snapshot::time).reversed()).toList();
    }

    /**
     * The one line of {@code berth status} (and the end of {@code berth backups}); empty only for
     * a run that never happened, which the caller words for its place.
     */
    Optional<String> lastLine(Optional<LastBackup> last) {
        return last.map(l -> {
            if (!l.ok()) {
                return "Last backup failed " + Ages.ago(l.time(), now) + ": "
                        + (l.message().isBlank() ? "no reason was recorded; berth backup shows restic's own words." : l.message());
            }
            List<String> details = new ArrayList<>();
            l.snapshot().ifPresent(id -> details.add("snapshot " + id));
            l.appsDown().filter(d -> !d.isZero()).ifPresent(d -> details.add("apps down " + Ages.duration(d)));
            return "Last backup: " + Ages.ago(l.time(), now) + (details.isEmpty() ? "" : " (" + String.join(", ", details) + ")");
        });
    }

    /** "2026-12-05 03:30 (3 hours ago)". */
    private String when(Snapshot s) {
        return Ages.local(s.time(), zone) + " (" + Ages.ago(s.time(), now) + ")";
    }

    /** What a restore is about to do, before the person says yes. */
    void preview(RestorePreview p, PrintWriter out) {
        Snapshot s = p.snapshot();
        out.println("Restore " + p.service().map(x -> x + " only").orElse("the whole stack") + " from snapshot " + s.shortId()
                + ", taken " + when(s) + ":");
        out.println("Written back from the snapshot (what is there now is replaced):");
        p.paths().forEach(path -> out.println("  " + path));
        out.println(p.stopped().isEmpty() ? "No service is stopped."
                : "Stopped while the files are written, then started again: " + String.join(", ", p.stopped()));
    }

    void outcome(RestoreOutcome o, PrintWriter out) {
        out.println(o.summary());
        o.lines().forEach(line -> out.println("  " + line));
    }

    /**
     * What a deploy set up. The new password is printed here once, to the person's terminal only:
     * the deploy log is written by the engine through its {@code Redactor}, never from these lines.
     */
    static void setup(BackupSetup b, PrintWriter out) {
        out.println("Backups: to " + b.repository() + ", " + b.schedule() + ".");
        if (!b.ready()) {
            out.println("Backups need attention: " + b.message());
        } else if (!b.message().isBlank()) {
            out.println(b.message()); // a note, such as the SFTP server's host key remembered on the first connection
        }
        b.sshPublicKey().ifPresent(key -> {
            out.println("Add this key to the SFTP server's ~/.ssh/authorized_keys for the repository's user:");
            out.println("    " + key);
        });
        b.newPassword().ifPresent(password -> {
            out.println("Backup password (shown this once):");
            out.println("    " + password);
            out.println(BackupSetup.KEEP_PASSWORD);
        });
    }
}

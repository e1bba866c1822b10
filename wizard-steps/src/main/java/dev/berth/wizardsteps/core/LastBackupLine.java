package dev.berth.wizardsteps.core;

import dev.berth.engine.backup.LastBackup;
import dev.berth.engine.backup.StackBackups;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The stack's last backup in one line, with its age, as the Welcome and Done pages show it:
 * "Last backup 3 hours ago (snapshot 1a2b3c4d)." Read on the target from what the backup script
 * recorded, whichever of the schedule, {@code berth backup} or the Done page started it.
 */
public final class LastBackupLine {
    private LastBackupLine() {
    }

    /**
     * Reads the last run on the target (off the UI thread). Empty when this Berth cannot read it
     * (the engine's reader is not there): the pages then leave the line out rather than fail.
     */
    public static Optional<String> read(Target target, String stackDir, Instant now) throws TargetException {
        Optional<LastBackup> last;
        try {
            last = StackBackups.last(target, stackDir);
        } catch (UnsupportedOperationException notYet) {
            return Optional.empty();
        }
        return Optional.of(of(last, now));
    }

    /** The line for the last run, or for none yet. */
    public static String of(Optional<LastBackup> last, Instant now) {
        if (last.isEmpty()) {
            return "No backup has run yet.";
        }
        LastBackup b = last.get();
        String age = age(Duration.between(b.time(), now));
        if (!b.ok()) {
            String why = b.message().strip();
            return "The last backup, " + age + ", failed" + (why.isEmpty() ? "." : ": " + why + (why.endsWith(".") ? "" : "."));
        }
        return "Last backup " + age + b.snapshot().map(s -> " (snapshot " + s + ")").orElse("")
                + b.appsDown().filter(d -> !d.isZero()).map(d -> "; apps were down " + d.toSeconds() + " s").orElse("") + ".";
    }

    /** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
    static String age(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return plural(minutes, "minute") + " ago";
        }
        if (minutes < 48 * 60) {
            return plural(minutes / 60, "hour") + " ago";
        }
        return plural(minutes / (24 * 60), "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}

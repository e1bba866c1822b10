package dev.berth.engine.deploy;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the backup's systemd units (rendered into the stack folder's {@code backup/}) where
 * systemd reads them and starts their timers: {@code /etc/systemd/system} when Berth signs in as
 * root, else the user's own unit folder, with lingering turned on so the user's timers run without
 * a login. Units the previous stack installed and this one no longer has (backups turned off, or
 * the container now schedules them) are disabled and removed.
 *
 * <p>Undo puts every unit file back as it was and the timers with it, so a rollback leaves no timer
 * of the failed stack behind. A unit already installed as rendered is not written again; only a
 * change reloads systemd.
 */
public final class BackupTimersJob implements Job {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * Where the units go on a target and the {@code systemctl} that manages them.
     *
     * @param folder     the unit folder
     * @param systemctl  the command, with {@code --user} for a user's units
     * @param lingerUser the user whose timers must run without a login; empty for root
     */
    public record UnitFolder(String folder, List<String> systemctl, Optional<String> lingerUser) {
        public UnitFolder {
            systemctl = List.copyOf(systemctl);
        }

        /** The system's folder as root; otherwise the signed-in user's. */
        public static UnitFolder on(Target target) throws TargetException {
            ExecResult who = target.exec(List.of("sh", "-c", "id -u; id -un; printf '%s\\n' \"$HOME\""), TIMEOUT);
            List<String> lines = who.stdout().lines().toList();
            if (!who.ok() || lines.size() < 3) {
                throw new TargetException(TargetException.Reason.OTHER, "Could not tell who Berth signs in as on "
                        + target.description() + " to install the backup's systemd timers: " + who.stderr().strip());
            }
            if (lines.get(0).strip().equals("0")) {
                return new UnitFolder("/etc/systemd/system", List.of("systemctl"), Optional.empty());
            }
            return new UnitFolder(lines.get(2).strip() + "/.config/systemd/user", List.of("systemctl", "--user"),
                    Optional.of(lines.get(1).strip()));
        }
    }

    /** Reads where the units go; {@link UnitFolder#on} in a deploy. */
    @FunctionalInterface
    public interface Placement {
        UnitFolder on(Target target) throws TargetException;
    }

    private final String stackDir;
    private final List<String> units;
    private final List<String> previousUnits;
    private final Placement placement;
    /** What each unit file held before this job, by file name; empty for none. Filled by execute. */
    private final Map<String, Optional<byte[]>> before = new LinkedHashMap<>();
    private UnitFolder folder;
    /** Whether execute got as far as changing anything; if not, undo has nothing to ask systemd. */
    private boolean touched;

    /**
     * @param units         the unit files this stack schedules with, as paths in the stack folder
     *                      ({@code backup/berth-media-backup.timer}); empty when it has none
     * @param previousUnits those of the stack it replaces
     */
    public BackupTimersJob(String stackDir, Set<String> units, Set<String> previousUnits, Placement placement) {
        this.stackDir = stackDir;
        this.units = units.stream().sorted().toList();
        this.previousUnits = previousUnits.stream().sorted().toList();
        this.placement = placement;
    }

    public BackupTimersJob(String stackDir, Set<String> units, Set<String> previousUnits) {
        this(stackDir, units, previousUnits, UnitFolder::on);
    }

    /** The systemd unit files among a stack's files (the rendered ones, or the previous stack's). */
    public static Set<String> units(Set<String> stackFiles) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : stackFiles) {
            if (f.startsWith("backup/") && (f.endsWith(".service") || f.endsWith(".timer"))) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public String description() {
        if (units.isEmpty()) {
            return "Remove the backup's systemd timers";
        }
        return "Install the backup's systemd timers (" + String.join(", ", timers(units)) + ")";
    }

    @Override
    public void execute(JobContext context) throws TargetException {
        Target target = context.target();
        folder = placement.on(target);
        Set<String> names = new LinkedHashSet<>();
        units.forEach(u -> names.add(name(u)));
        previousUnits.forEach(u -> names.add(name(u)));
        for (String n : names) {
            before.put(n, read(target, folder.folder() + "/" + n));
        }
        List<String> installed = units.stream().map(BackupTimersJob::name).toList();
        List<String> removed = previousUnits.stream().map(BackupTimersJob::name).filter(n -> !installed.contains(n)).toList();
        if (!installed.isEmpty() && folder.lingerUser().isPresent()) {
            String user = folder.lingerUser().get();
            String why;
            try {
                ExecResult linger = target.exec(List.of("loginctl", "enable-linger", user), TIMEOUT);
                why = linger.ok() ? null : words(linger);
            } catch (TargetException notThere) {
                why = notThere.getMessage();
            }
            if (why != null) {
                throw new TargetException(TargetException.Reason.OTHER, "The backup's timers are the user " + user
                        + "'s, and they run without a login only with lingering on, which failed (loginctl enable-linger " + user
                        + ": " + why + "). Have root run 'loginctl enable-linger " + user
                        + "', or set backup.scheduler to container in berth.yaml, then deploy again.");
            }
        }
        boolean changed = false;
        touched = true;
        if (!removed.isEmpty()) {
            List<String> removedTimers = timers(removed.stream().filter(n -> before.get(n).isPresent()).toList());
            if (!removedTimers.isEmpty()) {
                systemctl(target, "disable", "--now", removedTimers);
            }
            for (String n : removed) {
                if (before.get(n).isPresent()) {
                    target.files().deleteFile(folder.folder() + "/" + n);
                    changed = true;
                }
            }
        }
        if (!installed.isEmpty()) {
            target.files().mkdirs(folder.folder());
            for (String u : units) {
                byte[] content = target.files().read(stackDir + "/" + u);
                Optional<byte[]> was = before.get(name(u));
                if (was.isEmpty() || !Arrays.equals(was.get(), content)) {
                    target.files().writeAtomic(folder.folder() + "/" + name(u), content, 0644);
                    changed = true;
                }
            }
        }
        if (changed) {
            systemctl(target, "daemon-reload", null, List.of());
        }
        if (!installed.isEmpty()) {
            // Also after no change: a timer someone stopped by hand runs again.
            systemctl(target, "enable", "--now", timers(installed));
        }
    }

    @Override
    public void undo(JobContext context) throws TargetException {
        if (!touched) {
            return;
        }
        Target target = context.target();
        List<String> nowInstalled = new ArrayList<>();
        for (String n : before.keySet()) {
            if (read(target, folder.folder() + "/" + n).isPresent()) {
                nowInstalled.add(n);
            }
        }
        List<String> madeHere = nowInstalled.stream().filter(n -> before.get(n).isEmpty()).toList();
        if (!timers(madeHere).isEmpty()) {
            systemctl(target, "disable", "--now", timers(madeHere));
        }
        for (Map.Entry<String, Optional<byte[]>> e : before.entrySet()) {
            String path = folder.folder() + "/" + e.getKey();
            if (e.getValue().isPresent()) {
                target.files().writeAtomic(path, e.getValue().get(), 0644);
            } else if (nowInstalled.contains(e.getKey())) {
                target.files().deleteFile(path);
            }
        }
        systemctl(target, "daemon-reload", null, List.of());
        List<String> wereThere = before.entrySet().stream().filter(e -> e.getValue().isPresent()).map(Map.Entry::getKey).toList();
        if (!timers(wereThere).isEmpty()) {
            systemctl(target, "enable", "--now", timers(wereThere));
        }
    }

    private void systemctl(Target target, String verb, String flag, List<String> timers) throws TargetException {
        List<String> argv = new ArrayList<>(folder.systemctl());
        argv.add(verb);
        if (flag != null) {
            argv.add(flag);
        }
        argv.addAll(timers);
        ExecResult r = target.exec(argv, TIMEOUT);
        if (!r.ok()) {
            throw new TargetException(TargetException.Reason.OTHER, String.join(" ", argv) + " failed on " + target.description()
                    + ": " + words(r) + ". Set backup.scheduler to container in berth.yaml if systemd cannot run the backup's timers"
                    + " there, then deploy again.");
        }
    }

    private static Optional<byte[]> read(Target target, String path) throws TargetException {
        return target.files().stat(path).isPresent() ? Optional.of(target.files().read(path)) : Optional.empty();
    }

    private static List<String> timers(List<String> names) {
        return names.stream().map(BackupTimersJob::name).filter(n -> n.endsWith(".timer")).toList();
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String words(ExecResult r) {
        String s = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
        return s.isEmpty() ? "exit code " + r.exitCode() : s;
    }
}

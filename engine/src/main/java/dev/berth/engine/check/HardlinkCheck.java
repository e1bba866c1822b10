package dev.berth.engine.check;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Downloads and media are on one filesystem that supports hardlinks, proven by making one: a
 * file under torrents/ (or usenet/) linked into media/. Without that, Sonarr and Radarr copy
 * every download into the library: twice the disk space and slow imports. Everything the test
 * creates is removed again; folders that were there before are never touched.
 */
public final class HardlinkCheck implements Check {
    /** What {@code stat -f -c %T} calls filesystems without hardlinks. */
    static final Set<String> NO_HARDLINKS = Set.of("exfat", "vfat", "msdos", "fat");
    static final String PROBE = ".berth-hardlink-test-";
    private static final Duration LIMIT = Duration.ofSeconds(10);

    record Inputs(String dataRoot, List<String> downloadDirs) {
    }

    @Override
    public String id() {
        return "hardlinks";
    }

    @Override
    public String title() {
        return "Hardlinks";
    }

    @Override
    public Object inputs(CheckInputs in) {
        return in.plan().map(p -> new Inputs(p.answers().storage().dataRoot(), downloadDirs(p.dataDirectories()))).orElse(null);
    }

    /** torrents and/or usenet, as the plan lays them out; torrents when it has neither. */
    static List<String> downloadDirs(List<String> planned) {
        List<String> dirs = planned.stream().filter(d -> d.equals("torrents") || d.equals("usenet")).toList();
        return dirs.isEmpty() ? List.of("torrents") : dirs;
    }

    @Override
    public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
        var plan = ctx.requirePlan();
        Target target = ctx.target();
        String root = TargetPaths.normalize(plan.answers().storage().dataRoot());
        FileStat existing = TargetPaths.nearestExisting(target.files(), root);
        if (!existing.directory()) {
            return CheckResult.of(this, Status.FAIL, existing.path() + " is a file, not a folder",
                    "The data root " + root + " cannot be created there.", "Choose another data root");
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        if (!existing.path().equals(root)) {
            // Nothing may be created outside the data root: link two files side by side instead.
            String fs = fsTypes(target, List.of(existing.path())).getFirst();
            String where = "The data root " + root + " does not exist yet, so Berth tested at " + existing.path() + " (" + fs + ")";
            return probe(target, existing.path() + "/" + PROBE + id, existing.path() + "/" + PROBE + id + ".link", fs, fs,
                    where, "Hardlinks work at " + existing.path() + " (" + fs + "), where the data root will be created");
        }
        List<String> created = new ArrayList<>();
        try {
            String media = ensure(target, root, "media", created);
            List<String> sources = new ArrayList<>();
            for (String d : downloadDirs(plan.dataDirectories())) {
                sources.add(ensure(target, root, d, created));
            }
            List<String> all = new ArrayList<>(sources);
            all.add(media);
            List<String> fs = fsTypes(target, all);
            CheckResult last = null;
            for (int i = 0; i < sources.size(); i++) {
                String file = sources.get(i) + "/" + PROBE + id;
                last = probe(target, file, media + "/" + PROBE + id + ".link", fs.get(i), fs.getLast(),
                        "Linking " + sources.get(i) + " to " + media,
                        "Downloads and media are on one filesystem (" + fs.getLast() + "): hardlinks work");
                if (last.status() != Status.PASS) {
                    return last;
                }
            }
            return last;
        } catch (TargetException e) {
            return CheckResult.of(this, Status.WARN, "Could not test hardlinks: " + e.getMessage(), "",
                    "Make the data root writable (see the Folders check), then check again");
        } finally {
            removeCreated(target, created);
        }
    }

    /** The folder under the root, made with its missing parents; those made are remembered (parents first). */
    private static String ensure(Target target, String root, String relative, List<String> created) throws TargetException {
        String dir = root + "/" + relative;
        List<String> missing = new ArrayList<>();
        for (String p = dir; !p.equals(root) && target.files().stat(p).isEmpty(); p = TargetPaths.parent(p)) {
            missing.addFirst(p);
        }
        if (!missing.isEmpty()) {
            ExecResult r = target.exec(List.of("mkdir", "-p", "--", dir), LIMIT);
            if (!r.ok()) {
                throw new TargetException(TargetException.Reason.FILE, "Cannot create " + dir + ": " + r.stderr().strip());
            }
            created.addAll(missing);
        }
        return dir;
    }

    private static List<String> fsTypes(Target target, List<String> dirs) throws TargetException {
        List<String> argv = new ArrayList<>(List.of("stat", "-f", "-c", "%T", "--"));
        argv.addAll(dirs);
        ExecResult r = target.exec(argv, LIMIT);
        List<String> types = r.stdout().lines().map(String::strip).toList();
        return types.size() == dirs.size() ? types : dirs.stream().map(d -> "an unknown filesystem").toList();
    }

    /** Makes a file and a hardlink to it, then removes both; the result says how that went. */
    private CheckResult probe(Target target, String file, String link, String fromFs, String toFs, String where,
                              String passSummary) {
        RemoteFiles files = target.files();
        for (String fs : List.of(fromFs, toFs)) {
            if (NO_HARDLINKS.contains(fs)) {
                return CheckResult.of(this, Status.FAIL, "The data root is on " + fs + ", which has no hardlinks",
                        where + ". Sonarr and Radarr would copy every download into the library: twice the space, slow imports.",
                        "Use a disk formatted as ext4, xfs or btrfs for the data root (formatting erases it)");
            }
        }
        try {
            files.writeAtomic(file, "Berth hardlink test; safe to delete.\n".getBytes(), 0644);
        } catch (TargetException e) {
            return CheckResult.of(this, Status.WARN, "Could not test hardlinks: " + e.getMessage(), where + ".",
                    "Make the data root writable (see the Folders check), then check again");
        }
        try {
            ExecResult ln;
            try {
                ln = target.exec(List.of("env", "LC_ALL=C", "ln", "--", file, link), LIMIT);
            } catch (TargetException e) {
                return CheckResult.of(this, Status.WARN, "Could not test hardlinks: " + e.getMessage(), where + ".", "");
            }
            if (ln.ok()) {
                return CheckResult.pass(this, passSummary, where + ": a hardlink was made and removed.");
            }
            String err = ln.stderr().strip();
            if (err.contains("cross-device")) {
                return CheckResult.of(this, Status.FAIL, "Downloads and media are on different filesystems: hardlinks between them fail",
                        where + " failed (" + err + "). Downloads are on " + fromFs + ", media on " + toFs
                                + ". Sonarr and Radarr would copy every download into the library: twice the space, slow imports.",
                        "Keep torrents, usenet and media on one filesystem: mount one disk at the data root and do not "
                                + "mount media or the download folders separately");
            }
            return CheckResult.of(this, Status.FAIL, "This filesystem (" + toFs + ") does not allow hardlinks",
                    where + " failed: " + err, "Use a disk formatted as ext4, xfs or btrfs for the data root");
        } finally {
            cleanUp(() -> files.deleteFile(link));
            cleanUp(() -> files.deleteFile(file));
        }
    }

    /** Removes the folders this check made, deepest first; rmdir leaves any that are not empty. */
    private static void removeCreated(Target target, List<String> created) {
        for (String dir : created.reversed()) {
            cleanUp(() -> target.exec(List.of("rmdir", "--", dir), LIMIT));
        }
    }

    private interface Step {
        void run() throws TargetException;
    }

    /** Cleaning up must happen even when the check was cancelled: the interrupt waits until after. */
    private static void cleanUp(Step step) {
        boolean interrupted = Thread.interrupted();
        try {
            step.run();
        } catch (TargetException e) {
            // Best effort: a probe file left behind is named for what it is and harmless.
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

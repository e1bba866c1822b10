package dev.berth.engine.check;

import dev.berth.answers.StorageAnswers;
import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The stack folder, data root and config root: each exists or can be created, is writable by
 * PUID:PGID (the ids the containers write as), and is not somewhere that breaks containers.
 */
public final class PathsCheck implements Check {
    /** Folders a stack must not live in: the system's own, or Docker's. */
    static final List<String> SYSTEM = List.of("/etc", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/boot", "/proc",
            "/sys", "/dev", "/run", "/var/lib/docker");
    /** ~/snap/<name>/...: a snap's private, per-revision home, removed with the snap. */
    private static final Pattern SNAP_HOME = Pattern.compile("^/(home/[^/]+|root)/snap(/.*)?$");

    record Inputs(String stackDir, String dataRoot, String configRoot, int puid, int pgid) {
    }

    @Override
    public String id() {
        return "paths";
    }

    @Override
    public String title() {
        return "Folders";
    }

    @Override
    public Object inputs(CheckInputs in) {
        return in.answers().map(a -> a.storage()).map(s -> new Inputs(s.stackDir(), s.dataRoot(), s.configRoot(),
                s.puid(), s.pgid())).orElse(null);
    }

    @Override
    public CheckResult run(CheckContext ctx) throws TargetException, InterruptedException {
        StorageAnswers s = ctx.requirePlan().answers().storage();
        TargetFacts.UserInfo me = ctx.facts().user();
        Findings f = new Findings(this);
        folder(ctx, f, "stack folder", s.stackDir(), s.puid(), s.pgid(), me);
        folder(ctx, f, "data root", s.dataRoot(), s.puid(), s.pgid(), me);
        folder(ctx, f, "config root", s.configRoot(), s.puid(), s.pgid(), me);
        return f.result("The folders can be used by " + s.puid() + ":" + s.pgid());
    }

    private void folder(CheckContext ctx, Findings f, String what, String raw, int puid, int pgid, TargetFacts.UserInfo me)
            throws TargetException, InterruptedException {
        String path = TargetPaths.normalize(raw);
        String bad = placement(path);
        if (bad != null) {
            f.fail("The " + what + " " + path + " " + bad, "Choose a folder such as /srv/data or /opt/berth");
            return;
        }
        FileStat existing = TargetPaths.nearestExisting(ctx.target().files(), path);
        boolean exists = existing.path().equals(path);
        if (!existing.directory()) {
            f.fail("The " + what + " " + path + (exists ? " is a file, not a folder" : ": " + existing.path() + " is a file, not a folder"),
                    "Choose another folder, or move " + existing.path() + " away");
            return;
        }
        String ids = puid + ":" + pgid;
        if (!exists && me.root()) {
            // Berth works as root here: it makes the folder and gives it to PUID:PGID.
            f.pass("The " + what + " " + path + " will be created in " + existing.path() + " and given to " + ids);
            return;
        }
        if (writable(ctx, existing, puid, pgid, me)) {
            f.pass("The " + what + " " + path + (exists ? " exists and is writable by " + ids
                    : " can be created in " + existing.path()));
            return;
        }
        String owner = " (owner " + existing.uid() + ":" + existing.gid() + ", mode " + String.format("%04o", existing.mode()) + ")";
        if (exists) {
            f.fail("The " + what + " " + path + " is not writable by " + ids + owner,
                    "sudo chown -R " + ids + " " + path);
        } else {
            f.fail("The " + what + " " + path + " cannot be created: " + existing.path() + " is not writable by " + ids + owner,
                    "sudo mkdir -p " + path + " && sudo chown -R " + ids + " " + path);
        }
    }

    /** Why a folder is a bad place for a stack, or null when it is fine. */
    static String placement(String path) {
        if (path.equals("/")) {
            return "is the root of the file system: containers would see and own everything";
        }
        for (String sys : SYSTEM) {
            if (TargetPaths.under(path, sys)) {
                return "is inside " + sys + ", which belongs to the system" + (sys.equals("/var/lib/docker")
                        ? " (Docker's own storage: Docker may delete it)" : " and is replaced by updates");
            }
        }
        if (SNAP_HOME.matcher(path).matches()) {
            return "is inside a snap's private home (~/snap): it belongs to one snap revision and is removed with it";
        }
        return null;
    }

    /**
     * When the containers run as the target user itself, {@code test -w} asks the system, which
     * also knows supplementary groups and ACLs. Otherwise (and for root, for whom test -w always
     * succeeds) the mode bits against PUID:PGID decide.
     */
    private static boolean writable(CheckContext ctx, FileStat dir, int puid, int pgid, TargetFacts.UserInfo me)
            throws TargetException {
        if (me.known() && !me.root() && me.uid() == puid) {
            return ctx.target().exec(List.of("test", "-w", dir.path()), Duration.ofSeconds(5)).ok();
        }
        return TargetPaths.writableBy(dir, puid, pgid);
    }
}

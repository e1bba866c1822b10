package dev.berth.engine.deploy;

import dev.berth.answers.Problem;
import dev.berth.answers.RuleId;
import dev.berth.answers.StorageAnswers;
import dev.berth.engine.deploy.RootMove.FolderMove;
import dev.berth.engine.stack.ServiceChanges.ComposeServices;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.StackPlan;
import dev.berth.render.RenderedStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a changed {@code configRoot} or {@code dataRoot} on a stack that exists, what a move would
 * rename, and what stands in the way of moving it. Reads the target; changes nothing.
 */
final class RootMoves {
    /** Why a folder move is refused. */
    enum Rule implements RuleId {
        /** The new place is inside the old one. */
        INTO_ITSELF,
        /** The new place already holds files Berth did not make. */
        TARGET_NOT_EMPTY,
        /** The new place is on another filesystem: a move would copy every byte. */
        OTHER_FILESYSTEM
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RootMoves() {
    }

    /**
     * @param previous the compose.yaml on the target now: its mounts say which folders the apps use
     * @param plan     the new plan (its data folders), {@code rendered} its files (what Berth
     *                 generates into the stack folder's {@code config/}, which never moves)
     */
    static List<RootMove> find(Target target, StackState before, ComposeServices previous, StackPlan plan, RenderedStack rendered)
            throws TargetException {
        if (!before.isBerthStack() || before.answers().isEmpty()) {
            return List.of();
        }
        StorageAnswers was = before.answers().get().storage();
        StorageAnswers now = plan.answers().storage();
        Set<String> generated = new LinkedHashSet<>(rendered.files().keySet());
        generated.addAll(before.files().keySet());
        List<RootMove> moves = new ArrayList<>();
        if (!trim(was.configRoot()).equals(trim(now.configRoot()))) {
            moves.add(find(target, RootMove.Root.CONFIG, trim(was.configRoot()), trim(now.configRoot()), previous, List.of(),
                    before.dir(), generated));
        }
        if (!trim(was.dataRoot()).equals(trim(now.dataRoot()))) {
            moves.add(find(target, RootMove.Root.DATA, trim(was.dataRoot()), trim(now.dataRoot()), previous,
                    plan.dataDirectories(), before.dir(), generated));
        }
        return moves;
    }

    private static RootMove find(Target target, RootMove.Root root, String from, String to, ComposeServices previous,
                                 List<String> known, String stackDir, Set<String> generated) throws TargetException {
        Set<String> names = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, Object>> s : previous.services().entrySet()) {
            for (String source : bindSources(s.getValue())) {
                if (source.equals(from) || source.startsWith(from + "/")) {
                    services.add(s.getKey());
                    String rest = source.substring(from.length()).replaceFirst("^/", "");
                    if (!rest.isEmpty()) {
                        names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
                    }
                }
            }
        }
        known.forEach(d -> names.add(d.contains("/") ? d.substring(0, d.indexOf('/')) : d));
        List<FolderMove> folders = new ArrayList<>();
        for (String name : names) {
            String source = from + "/" + name;
            if (target.files().stat(source).filter(s -> s.directory()).isEmpty()) {
                continue;
            }
            Set<String> stay = generatedIn(stackDir, source, generated);
            List<String> entries = entries(target, source).stream().filter(e -> !stay.contains(e)).toList();
            if (!entries.isEmpty()) {
                folders.add(new FolderMove(source, to + "/" + name, entries));
            }
        }
        return new RootMove(root, from, to, folders, List.copyOf(services));
    }

    /**
     * What stands in the way of moving: something already in the new place, a new place inside
     * the old one, or another filesystem (a move would then copy every byte; media can be
     * terabytes, and a half-finished copy is worse than none). Each problem names the field and
     * what to do.
     */
    static List<Problem> problems(Target target, List<RootMove> moves, String stackDir, Collection<String> generated)
            throws TargetException {
        List<Problem> problems = new ArrayList<>();
        for (RootMove move : moves) {
            String field = move.root().field();
            if (move.to().startsWith(move.from() + "/")) {
                problems.add(new Problem(field, move.to() + " is inside the old " + move.root().words() + " " + move.from()
                        + ": Berth cannot move a folder into itself. Choose a place outside " + move.from()
                        + ", or keep the folders where they are (--keep-folders, or Keep on the Review page).", Rule.INTO_ITSELF));
                continue;
            }
            for (FolderMove f : move.folders()) {
                Set<String> allowed = generatedIn(stackDir, f.to(), new LinkedHashSet<>(generated));
                List<String> there = target.files().stat(f.to()).filter(s -> s.directory()).isPresent()
                        ? entries(target, f.to()).stream().filter(e -> !allowed.contains(e)).toList() : List.of();
                if (target.files().stat(f.to()).filter(s -> !s.directory()).isPresent() || !there.isEmpty()) {
                    problems.add(new Problem(field, f.to() + " already holds files (" + String.join(", ", there.stream().limit(5).toList())
                            + (there.size() > 5 ? ", …" : "") + "), and Berth does not merge folders. Empty or rename "
                            + f.to() + " and deploy again, choose another " + field + ", or keep the folders where they are "
                            + "(--keep-folders, or Keep on the Review page).", Rule.TARGET_NOT_EMPTY));
                    continue;
                }
                if (!sameFilesystem(target, f.from(), f.to())) {
                    problems.add(new Problem(field, f.to() + " is on another filesystem than " + f.from() + ": moving would copy "
                            + "every file, which for " + move.root().holds() + " can take hours and fill a disk. Berth moves "
                            + "folders only within one filesystem. Copy them yourself (keeping hard links, e.g. rsync -aH), then "
                            + "deploy with --keep-folders (or Keep on the Review page); or choose a new " + field
                            + " on the same disk.", Rule.OTHER_FILESYSTEM));
                }
            }
        }
        return problems;
    }

    /** Names Berth generates directly in {@code folder} when it is inside the stack folder's config/; they stay put. */
    private static Set<String> generatedIn(String stackDir, String folder, Set<String> generated) {
        String base = trim(stackDir) + "/";
        Set<String> names = new LinkedHashSet<>();
        if (!folder.startsWith(base)) {
            return names;
        }
        String prefix = folder.substring(base.length()) + "/";
        for (String path : generated) {
            if (path.startsWith(prefix)) {
                String rest = path.substring(prefix.length());
                names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            }
        }
        return names;
    }

    private static boolean sameFilesystem(Target target, String from, String to) throws TargetException {
        String existing = to;
        while (!existing.isEmpty() && target.files().stat(existing).isEmpty()) {
            existing = existing.contains("/") ? existing.substring(0, existing.lastIndexOf('/')) : "";
        }
        ExecResult r = target.exec(List.of("stat", "-c", "%d", from, existing.isEmpty() ? "/" : existing), TIMEOUT);
        if (!r.ok()) {
            throw new TargetException(TargetException.Reason.FILE, "Cannot tell which filesystem " + from + " and " + to
                    + " are on, on " + target.description() + ": " + r.stderr().strip());
        }
        List<String> devices = r.stdout().strip().lines().toList();
        return devices.size() == 2 && devices.get(0).equals(devices.get(1));
    }

    /** Every entry of a folder, hidden ones included. */
    static List<String> entries(Target target, String dir) throws TargetException {
        ExecResult r = target.exec(List.of("ls", "-A", "--", dir), TIMEOUT);
        if (!r.ok()) {
            throw new TargetException(TargetException.Reason.FILE, "Cannot list the folder " + dir + " on "
                    + target.description() + ": " + r.stderr().strip());
        }
        return r.stdout().lines().filter(l -> !l.isEmpty()).toList();
    }

    private static List<String> bindSources(Map<String, Object> service) {
        List<String> out = new ArrayList<>();
        if (service.get("volumes") instanceof List<?> l) {
            for (Object v : l) {
                if (v instanceof Map<?, ?> m && m.get("source") instanceof String s && s.startsWith("/")) {
                    out.add(trim(s));
                } else if (v instanceof String s && s.startsWith("/")) {
                    out.add(trim(s.split(":")[0]));
                }
            }
        }
        return out;
    }

    static String trim(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}

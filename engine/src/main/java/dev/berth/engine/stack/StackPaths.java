package dev.berth.engine.stack;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.FolderLister;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Folder listings on a target. This computer lists its own folders through java.nio
 * ({@link dev.berth.engine.target.RemoteFiles#lister()}: Windows has no ls or find for
 * {@code berth render}); on a server a short program run there does the job. Only POSIX {@code ls -A} and {@code find -maxdepth -type} are
 * used (no GNU {@code -printf}), so busybox-based NAS systems work too.
 */
public final class StackPaths {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private StackPaths() {
    }

    public static String join(String dir, String relative) {
        return dir.endsWith("/") ? dir + relative : dir + "/" + relative;
    }

    /**
     * Whether the folder has any entry at all, hidden ones included, apart from the deploy lock
     * {@link StackLock} may keep inside a folder whose parent is not writable: an empty folder an
     * admin made for Berth stays empty to Berth while a deploy holds it.
     */
    static boolean isEmptyFolder(Target target, String dir) throws TargetException {
        Optional<FolderLister> lister = target.files().lister();
        if (lister.isPresent()) {
            return lister.get().names(dir).stream().allMatch(name -> name.startsWith(StackLock.INSIDE));
        }
        ExecResult r = target.exec(List.of("ls", "-A", "--", dir), TIMEOUT);
        if (!r.ok()) {
            throw new TargetException(TargetException.Reason.FILE, "Cannot list the folder " + dir + " on "
                    + target.description() + ": " + r.stderr().strip());
        }
        return r.stdout().lines().map(String::strip).allMatch(name -> name.isEmpty() || name.startsWith(StackLock.INSIDE));
    }

    /**
     * Whether the folder holds no file at all: nothing, or only folders holding nothing but
     * folders. A first install that failed after its folders were made leaves such a tree (Berth
     * never deletes a folder); nothing in it can be overwritten, so a retry may fill it like an
     * empty one instead of refusing it as someone else's.
     */
    static boolean holdsNoFiles(Target target, String dir) throws TargetException {
        if (isEmptyFolder(target, dir)) {
            return true;
        }
        Optional<FolderLister> lister = target.files().lister();
        if (lister.isPresent()) {
            return !lister.get().holdsAnyFile(dir);
        }
        // -quit stops at the first file, so a big folder is not walked whole. A find without -quit
        // (an old BusyBox) or an unreadable sub-folder fails: the folder then counts as holding files.
        ExecResult r = target.exec(List.of("find", dir, "-mindepth", "1", "!", "-type", "d", "-print", "-quit"), TIMEOUT);
        return r.ok() && r.stdout().isBlank();
    }

    /** The names of the regular files directly in a folder, sorted; empty when the folder is missing. */
    static List<String> fileNames(Target target, String dir) throws TargetException {
        if (target.files().stat(dir).filter(s -> s.directory()).isEmpty()) {
            return List.of();
        }
        Optional<FolderLister> lister = target.files().lister();
        if (lister.isPresent()) {
            return lister.get().fileNames(dir);
        }
        ExecResult r = target.exec(List.of("find", dir, "-mindepth", "1", "-maxdepth", "1", "-type", "f"), TIMEOUT);
        if (!r.ok()) {
            throw new TargetException(TargetException.Reason.FILE, "Cannot list the folder " + dir + " on "
                    + target.description() + ": " + r.stderr().strip());
        }
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        List<String> names = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith(prefix) && line.length() > prefix.length()) {
                names.add(line.substring(prefix.length()));
            }
        }
        names.sort(null);
        return names;
    }
}

package dev.berth.engine.check;

import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.RemoteFiles;
import dev.berth.engine.target.TargetException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * POSIX paths on the target as strings: java.nio would use this computer's separators, which
 * are wrong for a Linux server reached from Windows.
 */
final class TargetPaths {
    private TargetPaths() {
    }

    /** Absolute, without "." or ".." or doubled or trailing slashes. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    static String parent(String normalized) {
        int slash = normalized.lastIndexOf('/');
        return slash <= 0 ? "/" : normalized.substring(0, slash);
    }

    static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    /** Whether {@code path} is {@code dir} or inside it. */
    static boolean under(String path, String dir) {
        return path.equals(dir) || dir.equals("/") || path.startsWith(dir + "/");
    }

    /** The path itself when it exists, else its nearest existing parent (at worst "/"). */
    static FileStat nearestExisting(RemoteFiles files, String path) throws TargetException {
        String p = normalize(path);
        while (true) {
            var stat = files.stat(p);
            if (stat.isPresent()) {
                return stat.get();
            }
            if (p.equals("/")) {
                throw new TargetException(TargetException.Reason.FILE, "Cannot look at / on the target");
            }
            p = parent(p);
        }
    }

    /** Whether the mode bits let uid:gid write into (and enter) a folder; root may always. */
    static boolean writableBy(FileStat dir, int uid, int gid) {
        if (uid == 0) {
            return true;
        }
        int bits = dir.uid() == uid ? (dir.mode() >> 6) : dir.gid() == gid ? (dir.mode() >> 3) : dir.mode();
        return (bits & 3) == 3; // write and search (x): creating an entry needs both
    }
}

package dev.berth.engine.target;

/**
 * What a path is on the target.
 *
 * @param mode POSIX permission bits (e.g. 0755)
 */
public record FileStat(String path, boolean directory, boolean regularFile, long size, int mode, int uid, int gid) {
}

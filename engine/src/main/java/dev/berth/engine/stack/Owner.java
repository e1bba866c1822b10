package dev.berth.engine.stack;

/**
 * The user and group that files and folders are handed to (the stack's PUID:PGID). Only a root
 * session may give files away, so jobs take an owner only when the target user is root.
 */
public record Owner(int uid, int gid) {
    @Override
    public String toString() {
        return uid + ":" + gid;
    }
}

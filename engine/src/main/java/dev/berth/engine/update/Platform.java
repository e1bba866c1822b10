package dev.berth.engine.update;

/**
 * The platform whose image Berth reads from a multi-platform index: the target's (the running
 * image's own os and architecture when known), linux/amd64 otherwise.
 *
 * @param variant e.g. {@code v8} for arm64, or null when any variant will do
 */
public record Platform(String os, String architecture, String variant) {
    public static final Platform DEFAULT = new Platform("linux", "amd64", null);
}

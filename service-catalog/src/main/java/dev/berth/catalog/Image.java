package dev.berth.catalog;

/** A container image pinned to a tag, e.g. {@code lscr.io/linuxserver/sonarr} at {@code 4.0.15}. */
public record Image(String repository, String tag) {
    public String reference() {
        return repository + ":" + tag;
    }
}

package dev.berth.catalog;

/**
 * A container image at a tag, e.g. {@code lscr.io/linuxserver/sonarr} at {@code 4.0.15}, and, once
 * Berth pinned it (after an update), at one digest of that tag: {@code repo:tag@sha256:…} then names
 * exactly one image, whatever the registry's tag points at later.
 *
 * @param digest {@code sha256:…}, or null when only the tag is known (the catalog's images)
 */
public record Image(String repository, String tag, String digest) {
    public Image(String repository, String tag) {
        this(repository, tag, null);
    }

    /** The same repository and tag pinned to {@code digest}. */
    public Image pinned(String digest) {
        return new Image(repository, tag, digest);
    }

    /** {@code repo:tag}, or {@code repo:tag@sha256:…} when pinned: what compose.yaml and a pull name. */
    public String reference() {
        return digest == null ? repository + ":" + tag : repository + ":" + tag + "@" + digest;
    }
}

package dev.berth.engine.update;

import java.time.Instant;

/**
 * What a registry says about one tag.
 *
 * @param digest  the manifest digest of the tag ({@code sha256:…}): of the index for a multi-platform image,
 *                which is what Docker records in {@code RepoDigests} and what {@code repo:tag@digest} pins
 * @param created when the platform's image was built (its config's {@code created}), or null when not said
 */
public record RegistryImage(String digest, Instant created) {
}

package dev.berth.engine.update;

import dev.berth.catalog.Image;
import java.time.Instant;
import java.util.Optional;

/**
 * What Berth knows about one service's image: what it runs, how old that is, and whether its
 * registry has a newer one on the same track.
 *
 * @param service     the Compose service name
 * @param image       the image the stack names (pinned to a digest after an update)
 * @param digest      the digest of the image it runs, or null when unknown (not pulled yet)
 * @param created     when the image it runs was built, or null when unknown
 * @param update      the newer image, when there is one
 * @param unreachable why the registry could not be asked (a sentence), or empty when it answered
 */
public record ImageStatus(String service, Image image, String digest, Instant created,
                          Optional<ImageUpdate> update, Optional<String> unreachable) {
}

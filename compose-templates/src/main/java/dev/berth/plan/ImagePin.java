package dev.berth.plan;

import dev.berth.catalog.Image;
import java.util.Objects;

/**
 * One service's image as {@code berth update} pinned it: by digest, with what ran before.
 *
 * @param image      the pinned image, {@code repo:tag@sha256:…} (its digest is never null)
 * @param previous   the image the service ran before this pin, with its digest when Berth knew it:
 *                   where a failed update goes back to, and what a person reads to see what changed
 * @param catalogTag the catalog's tag for the service when the pin was made: the pin holds while the
 *                   catalog still names that tag, so a newer Berth whose catalog moved on replaces it
 */
public record ImagePin(Image image, Image previous, String catalogTag) {
    public ImagePin {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(catalogTag, "catalogTag");
        if (image.digest() == null) {
            throw new IllegalArgumentException("a pin names a digest: " + image.reference());
        }
    }

    /**
     * Whether the pin still stands over the catalog's image for its service: the same repository,
     * and the catalog's tag the one the pin was made over. Berth's catalog only moves tags forward,
     * so a catalog tag that changed (an upgraded Berth) is at least as new as what the person
     * chose then, and the catalog's image replaces the pin; a changed repository does too.
     */
    public boolean holdsOver(Image catalogImage) {
        return catalogImage.repository().equals(image.repository()) && catalogImage.tag().equals(catalogTag);
    }
}

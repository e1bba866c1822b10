package dev.berth.engine.deploy;

/**
 * One progress report of an image pull, for a bar per image and per layer.
 *
 * @param image   the image reference, e.g. {@code lscr.io/linuxserver/sonarr:4.0.15}
 * @param layerId the layer, or null for a report about the whole image
 * @param current bytes done of this layer (0 when the engine did not say)
 * @param total   bytes of this layer (0 when not known yet)
 * @param status  the engine's words: "Downloading", "Extracting", "Pull complete", or Berth's
 *                "Already on the target" and "On the target"
 */
public record PullProgress(String image, String layerId, long current, long total, String status) {
    public static final String PRESENT = "Already on the target";
    /** Berth's last word on each image, once the pull step has every image on the target. */
    public static final String DONE = "On the target";
}

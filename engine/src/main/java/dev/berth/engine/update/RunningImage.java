package dev.berth.engine.update;

import java.time.Instant;

/**
 * The image one service's container runs, as the target's engine knows it.
 *
 * @param digest   the registry digest Docker recorded for it ({@code RepoDigests}), or null when it has
 *                 none (built or loaded locally, never pulled or pushed)
 * @param created  when it was built, or null when unknown
 * @param platform its os and architecture: the entry of a multi-platform index Berth compares with
 */
public record RunningImage(String digest, Instant created, Platform platform) {
    static final RunningImage UNKNOWN = new RunningImage(null, null, Platform.DEFAULT);
}

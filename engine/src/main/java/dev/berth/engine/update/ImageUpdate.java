package dev.berth.engine.update;

import java.time.Instant;

/**
 * A newer image on the same track as the one a service runs.
 *
 * @param tag          the newer tag (the same tag when only its digest moved, e.g. {@code latest})
 * @param digest       the manifest digest the registry gives for it, {@code sha256:…}
 * @param created      when the newer image was built, or null when the registry does not say
 * @param releaseNotes a link to its release notes, or null when the catalog names none
 */
public record ImageUpdate(String tag, String digest, Instant created, String releaseNotes) {
}

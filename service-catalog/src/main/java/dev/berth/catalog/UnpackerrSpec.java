package dev.berth.catalog;

/**
 * Unpackerr watches this app's queue and extracts finished downloads for it.
 *
 * @param section the kind of app, as Unpackerr's configuration names it ({@code [[sonarr]]})
 */
public record UnpackerrSpec(String section) {
}

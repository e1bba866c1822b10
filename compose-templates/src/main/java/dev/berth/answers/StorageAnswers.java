package dev.berth.answers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Where things live on the target and who owns them.
 *
 * @param stackDir   the generated files (compose.yaml, .env, secrets/, config/)
 * @param dataRoot   the TRaSH data tree: torrents, usenet and media on one filesystem
 * @param configRoot each app's own state folder, one sub-folder per service
 * @param puid       the user id every container writes files as
 * @param pgid       the group id every container writes files as
 * @param timeZone   an IANA time zone, e.g. Europe/Berlin
 * @param hardwareTranscoding pass {@code /dev/dri} to the media servers
 */
public record StorageAnswers(
        @NotNull(message = "is required") @AbsolutePath String stackDir,
        @NotNull(message = "is required") @AbsolutePath String dataRoot,
        @NotNull(message = "is required") @AbsolutePath String configRoot,
        @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more") @Max(value = 2147483647, message = "is too large") Integer puid,
        @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more") @Max(value = 2147483647, message = "is too large") Integer pgid,
        @NotNull(message = "is required") @TimeZoneId String timeZone,
        boolean hardwareTranscoding) {
}

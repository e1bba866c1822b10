package dev.berth.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A mount, described by what it holds rather than by a host path: the planner turns the kind
 * into a host path under the person's data root, config root or stack directory.
 *
 * @param kind     what the mount holds
 * @param target   the path inside the container; for {@link Kind#STACK} left out (the stack folder's own path)
 * @param source   for {@link Kind#GENERATED}: the file or folder under {@code config/<service>/};
 *                 for {@link Kind#HOST}: the absolute host path; for {@link Kind#NAMED}: the volume
 *                 name; for {@link Kind#CONFIG}: an optional sub-folder of the app's config folder
 * @param readOnly mount read-only
 */
public record VolumeSpec(Kind kind, String target, String source, boolean readOnly) {

    public enum Kind {
        /** The app's own state, under the config root, one folder per service. */
        CONFIG("config"),
        /** The whole TRaSH data tree, for apps that move files between downloads and media. */
        DATA("data"),
        /** Only the torrent downloads. */
        TORRENTS("torrents"),
        /** Only the usenet downloads. */
        USENET("usenet"),
        /** Only the finished media library. */
        MEDIA("media"),
        /** A file Berth generates into the stack directory. */
        GENERATED("generated"),
        /** A Docker named volume. */
        NAMED("named"),
        /** A fixed host path such as the Docker socket or {@code /sys}. */
        HOST("host"),
        /**
         * The whole stack folder, at its own absolute path inside the container: for a helper that
         * runs the stack's scripts, which name files by their host paths (the backup schedule).
         */
        STACK("stack");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        @JsonValue
        public String key() {
            return key;
        }

        @JsonCreator
        public static Kind fromKey(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown volume kind '" + key + "'; use one of "
                    + java.util.Arrays.stream(values()).map(Kind::key).toList());
        }
    }
}

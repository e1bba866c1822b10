package dev.berth.plan;

/**
 * A mount as it will be written to Compose.
 *
 * @param type     bind (a host path) or volume (a Docker named volume)
 * @param source   absolute host path, a path relative to the stack directory ({@code ./config/...}),
 *                 or a volume name
 * @param target   path inside the container
 * @param readOnly mounted read-only
 */
public record Mount(Type type, String source, String target, boolean readOnly) {
    public enum Type { BIND, VOLUME }

    public static Mount bind(String source, String target, boolean readOnly) {
        return new Mount(Type.BIND, source, target, readOnly);
    }
}

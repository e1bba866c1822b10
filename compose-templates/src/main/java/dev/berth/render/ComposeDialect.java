package dev.berth.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the target's Compose accepts in compose.yaml, by its version. Without a target (the
 * default, {@link #V1_COMPATIBLE}) the file is written for both docker-compose 1.29 and Compose
 * v2; a target with Compose 2.17 or newer also gets {@code depends_on: {gluetun: {restart: true}}},
 * which docker-compose 1.29 refuses.
 *
 * @param major the Compose version's major number
 * @param minor its minor number
 */
public record ComposeDialect(int major, int minor) {
    /** docker-compose 1.29's subset, which Compose v2 reads as well. */
    public static final ComposeDialect V1_COMPATIBLE = new ComposeDialect(1, 29);

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(\\.\\d+)?([-+][0-9A-Za-z.+-]*)?");

    public ComposeDialect {
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException("not a Compose version: " + major + "." + minor);
        }
    }

    /**
     * A version as {@code docker compose version --short} prints it ({@code 2.26.1}, {@code v2.17.0},
     * {@code 1.29.2}).
     *
     * @throws IllegalArgumentException with what to write instead
     */
    public static ComposeDialect parse(String version) {
        Matcher m = VERSION.matcher(version == null ? "" : version.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + version + "' is not a Compose version: give it as"
                    + " 'docker compose version --short' prints it on the target, e.g. 2.26.1 or 1.29.2");
        }
        return new ComposeDialect(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * Whether {@code depends_on.<service>.restart: true} is understood (Compose 2.17 and newer):
     * Compose then restarts a dependent app when it restarts the service it depends on.
     */
    public boolean restartsDependents() {
        return major > 2 || major == 2 && minor >= 17;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}

package dev.berth.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the target's Compose accepts in compose.yaml, by its version, and on which Docker engine it
 * runs. Without a target (the default, {@link #V1_COMPATIBLE}) the file is written for both
 * docker-compose 1.29 and Compose v2 on the oldest engine; a target with Compose 2.17 or newer also
 * gets {@code depends_on: {gluetun: {restart: true}}}, and Compose 2.21 or newer on Docker 25 or
 * newer gets {@code healthcheck.start_interval}, both of which older ones refuse.
 *
 * @param major  the Compose version's major number
 * @param minor  its minor number
 * @param engine the Docker engine's version ({@link DockerEngineVersion#OLDEST} when not asked)
 */
public record ComposeDialect(int major, int minor, DockerEngineVersion engine) {
    /** docker-compose 1.29's subset, which Compose v2 reads as well, on any engine Berth supports. */
    public static final ComposeDialect V1_COMPATIBLE = new ComposeDialect(1, 29);

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(\\.\\d+)?([-+][0-9A-Za-z.+-]*)?");

    public ComposeDialect {
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException("not a Compose version: " + major + "." + minor);
        }
        engine = engine == null ? DockerEngineVersion.OLDEST : engine;
    }

    /** A Compose version on an engine not asked: the oldest one Berth supports. */
    public ComposeDialect(int major, int minor) {
        this(major, minor, DockerEngineVersion.OLDEST);
    }

    /** This Compose, on that engine. */
    public ComposeDialect on(DockerEngineVersion dockerEngine) {
        return new ComposeDialect(major, minor, dockerEngine);
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

    /**
     * Whether health checks may run every {@code start_interval} while a container starts: Compose
     * reads the key from 2.20.2 (2.21 here, as the dialect keeps no patch number) and the engine
     * acts on it from Docker 25; docker-compose 1.29 and older engines refuse it.
     */
    public boolean quickFirstChecks() {
        return (major > 2 || major == 2 && minor >= 21) && engine.startInterval();
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}

package dev.berth.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker engine a stack will run on, by its version: some health-check settings in
 * compose.yaml take effect (or are refused) by the engine, not by Compose. Without a target
 * ({@link #OLDEST}) the file is written for the oldest engine Berth supports.
 *
 * @param major the engine version's major number ({@code 25} of {@code 25.0.3})
 * @param minor its minor number
 */
public record DockerEngineVersion(int major, int minor) {
    /** Docker 20.10, the oldest engine Berth's checks accept. */
    public static final DockerEngineVersion OLDEST = new DockerEngineVersion(20, 10);

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(\\.\\d+)?([-+~][0-9A-Za-z.+~-]*)?");

    public DockerEngineVersion {
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException("not a Docker version: " + major + "." + minor);
        }
    }

    /**
     * A version as {@code docker version --format '{{.Server.Version}}'} prints it ({@code 25.0.3},
     * {@code 20.10.24}, {@code 27.3.1-1}).
     *
     * @throws IllegalArgumentException with what to write instead
     */
    public static DockerEngineVersion parse(String version) {
        Matcher m = VERSION.matcher(version == null ? "" : version.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + version + "' is not a Docker engine version: give it as"
                    + " 'docker version --format {{.Server.Version}}' prints it on the target, e.g. 25.0.3 or 20.10.24");
        }
        return new DockerEngineVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * Whether the engine runs health checks at {@code healthcheck.start_interval} during the start
     * period (Docker 25, API 1.44): older engines refuse a container that sets it.
     */
    public boolean startInterval() {
        return major >= 25;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}

package dev.berth.engine.install;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker release Berth installs and the distributions Docker packages it for, read from
 * {@code docker-install.yaml} (the one place that names versions).
 *
 * @param engine        the Docker engine version, e.g. 27.5.1
 * @param compose       the Compose plugin version, e.g. 2.32.4
 * @param distributions by os-release ID
 */
public record DockerReleases(String engine, String compose, Map<String, Distribution> distributions) {
    private static final String RESOURCE = "docker-install.yaml";

    public DockerReleases {
        distributions = Map.copyOf(distributions);
    }

    /**
     * One distribution Docker packages for.
     *
     * @param family        apt or dnf
     * @param releases      VERSION_ID to the codename (apt) or rpm release suffix (dnf)
     * @param architectures Docker's architecture names the repository carries
     */
    public record Distribution(String name, String family, String repository, Map<String, String> releases,
                               List<String> architectures) {
        public Distribution {
            releases = Map.copyOf(releases);
            architectures = List.copyOf(architectures);
        }

        boolean apt() {
            return "apt".equals(family);
        }

        /** The release for a VERSION_ID: exactly, or by its major part (RHEL says 9.4). */
        Optional<String> release(String versionId) {
            String exact = releases.get(versionId);
            if (exact != null) {
                return Optional.of(exact);
            }
            int dot = versionId.indexOf('.');
            return dot > 0 && !apt() ? Optional.ofNullable(releases.get(versionId.substring(0, dot))) : Optional.empty();
        }
    }

    /** The shipped file; read once. */
    public static DockerReleases builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final DockerReleases BUILT_IN = load();
    }

    private static DockerReleases load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = DockerReleases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from Berth's engine jar");
            }
            return yaml.readValue(in, DockerReleases.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}

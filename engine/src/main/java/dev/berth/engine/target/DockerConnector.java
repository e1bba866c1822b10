package dev.berth.engine.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

/**
 * Opens a docker-java client that speaks an API version both sides support. docker-java does not
 * negotiate by itself: unversioned it gets the engine's newest API, and a version above the
 * engine's is refused ("client version is too new"), so we ask the engine first.
 */
public final class DockerConnector {
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    /** The newest API this Berth was tested against. */
    static final ApiVersion NEWEST_KNOWN = new ApiVersion(1, 47);

    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerConnector() {
    }

    /** A client for the engine at a DOCKER_HOST address (unix:// or tcp://). */
    public static DockerClient connect(String dockerHost, String where) throws TargetException {
        URI uri = URI.create(dockerHost);
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(uri)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        return connect(http, dockerHost, where);
    }

    /** A client over any transport (the SSH target passes its dial-stdio transport). */
    public static DockerClient connect(DockerHttpClient http, String dockerHost, String where) throws TargetException {
        EngineVersion engine = engineVersion(http, dockerHost, where);
        ApiVersion use = engine.api().compareTo(NEWEST_KNOWN) <= 0 ? engine.api() : NEWEST_KNOWN;
        if (use.compareTo(engine.minApi()) < 0) {
            use = engine.minApi();
        }
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost.startsWith("unix://") || dockerHost.startsWith("tcp://") ? dockerHost : DEFAULT_HOST)
                .withApiVersion(use.toString())
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** The engine's version and API range, from {@code GET /version} (which every API version answers). */
    public static EngineVersion engineVersion(DockerHttpClient http, String dockerHost, String where) throws TargetException {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/version").build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            if (response.getStatusCode() != 200) {
                throw new TargetException(TargetException.Reason.DOCKER_UNREACHABLE, "The Docker engine on " + where
                        + " answered " + response.getStatusCode() + " to a version request.");
            }
            JsonNode v;
            try (InputStream body = response.getBody()) {
                v = JSON.readTree(body);
            }
            return new EngineVersion(v.path("Version").asText("unknown"), ApiVersion.parse(v.path("ApiVersion").asText("1.12")),
                    ApiVersion.parse(v.path("MinAPIVersion").asText("1.12")), v.path("Os").asText(""), v.path("Arch").asText(""));
        } catch (TargetException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw classify(e, dockerHost, where);
        }
    }

    static TargetException classify(Exception e, String dockerHost, String where) {
        String text = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
        if (text.contains("Permission denied") || text.contains("EACCES") || text.contains("error code 13")) {
            return new TargetException(TargetException.Reason.DOCKER_DENIED, "This user may not use the Docker engine on "
                    + where + " (" + dockerHost + "). Add it to the docker group: sudo usermod -aG docker $USER, then log out and in again.", e);
        }
        return new TargetException(TargetException.Reason.DOCKER_UNREACHABLE, "Cannot reach the Docker engine on " + where
                + " at " + dockerHost + ". Is Docker installed and running? (sudo systemctl start docker)", e);
    }

    /** {@code major.minor}, compared numerically (1.9 < 1.41). */
    public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
        static ApiVersion parse(String s) {
            String[] parts = s.trim().split("\\.");
            return new ApiVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
        }

        @Override
        public int compareTo(ApiVersion o) {
            return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    /** What {@code GET /version} told us. */
    public record EngineVersion(String version, ApiVersion api, ApiVersion minApi, String os, String arch) {
    }
}

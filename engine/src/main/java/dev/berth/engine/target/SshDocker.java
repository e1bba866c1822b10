package dev.berth.engine.target;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.Locale;

/** The Docker engine of an SSH target, reached through {@code docker system dial-stdio}. */
final class SshDocker {
    /**
     * docker-java's config insists on a unix:// or tcp:// host even when the transport is given
     * to it; this one is never dialled (dial-stdio finds the server's engine by itself, honouring
     * the server's DOCKER_HOST and docker context) and only appears in messages.
     */
    static final String PLACEHOLDER_HOST = "unix:///var/run/docker.sock";

    private SshDocker() {
    }

    static DockerClient connect(SshTarget target) throws TargetException {
        if (!target.execShell("command -v docker", Duration.ofSeconds(20)).ok()) {
            throw new TargetException(TargetException.Reason.DOCKER_MISSING, "Docker is not installed on " + target.description()
                    + " (no docker command on the PATH of " + target.user() + "). Install it there (on Debian or Ubuntu:"
                    + " sudo apt install docker.io), then check again.");
        }
        try {
            return DockerConnector.connect(new DialStdioHttpClient(target), PLACEHOLDER_HOST, target.description());
        } catch (TargetException e) {
            throw remap(e, target);
        }
    }

    /** DockerConnector knows local sockets; over SSH the docker CLI's own words tell what went wrong. */
    private static TargetException remap(TargetException e, SshTarget target) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        String all = text.toString().toLowerCase(Locale.ROOT);
        if (all.contains("permission denied")) {
            return new TargetException(TargetException.Reason.DOCKER_DENIED, "The user " + target.user() + " may not use"
                    + " Docker on " + target.description() + ". Add it to the docker group there: sudo usermod -aG docker "
                    + target.user() + ", then connect again (the change applies to new logins).", e);
        }
        if (all.contains("unknown command") || all.contains("dial-stdio") && all.contains("not a docker command")) {
            return new TargetException(TargetException.Reason.DOCKER_TOO_OLD, "The docker command on " + target.description()
                    + " is older than 18.09 and cannot carry Docker over SSH. Update Docker there.", e);
        }
        String detail = engineDetail(text.toString());
        if (detail != null) {
            return new TargetException(TargetException.Reason.DOCKER_UNREACHABLE, "Docker is installed on "
                    + target.description() + " but its engine does not answer (" + detail + "). Start it there:"
                    + " sudo systemctl start docker", e);
        }
        return e;
    }

    /** The docker CLI's own reason when it could not reach the engine, e.g. "dial unix ...: connect: refused". */
    private static String engineDetail(String messages) {
        for (String line : messages.split("\n")) {
            int raw = line.indexOf("failed to open the raw stream connection: ");
            if (raw >= 0) {
                return line.substring(raw + "failed to open the raw stream connection: ".length()).trim();
            }
            int daemon = line.indexOf("Cannot connect to the Docker daemon");
            if (daemon >= 0) {
                return line.substring(daemon).trim();
            }
        }
        return null;
    }
}

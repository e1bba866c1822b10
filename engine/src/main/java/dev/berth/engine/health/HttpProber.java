package dev.berth.engine.health;

import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Asks a service's web port for its health path from the target itself, with a short-lived
 * program run there: the person's computer may not reach the server's ports, the server always
 * reaches its own loopback. A service with no host port (or whose host port does not answer) is
 * asked at its container's address on the stack's network, which the server's host reaches too
 * (on Linux). Uses curl when the target has it, else wget (BusyBox has one), found once per target.
 */
final class HttpProber {
    /** Per request; a health page that takes longer than this is as good as down. */
    static final int REQUEST_SECONDS = 3;

    private final Target target;
    private final String project;
    private volatile String tool;

    HttpProber(Target target, String project) {
        this.target = target;
        this.project = project;
    }

    /**
     * The published port first; then, when that is missing or fails, the container's address. When
     * both fail, the published port's failure is the one reported: that is the page a person opens.
     *
     * @param containerId the service's container, or null when none is known yet
     */
    ProbeResult probe(ProbeAddress endpoint, String containerId) {
        ProbeResult host = endpoint.published() ? probe(endpoint.url()) : null;
        if (host != null && host.ok()) {
            return host;
        }
        Optional<String> address = containerId == null ? Optional.empty() : ContainerAddress.of(target, project, containerId);
        if (address.isEmpty()) {
            return host != null ? host : new ProbeResult(false, endpoint.containerUrl("CONTAINER"),
                    "the engine gives no address for the container", Instant.now());
        }
        ProbeResult inside = probe(endpoint.containerUrl(address.get()));
        return inside.ok() || host == null ? inside : host;
    }

    private ProbeResult probe(String url) {
        try {
            if (tool == null) {
                tool = detect();
            }
            if (tool.equals("none")) {
                return new ProbeResult(false, url, "neither curl nor wget is installed on " + target.description(), Instant.now());
            }
            ExecResult r = target.exec(argv(url), Duration.ofSeconds(REQUEST_SECONDS + 5));
            if (r.ok()) {
                return new ProbeResult(true, url, "", Instant.now());
            }
            String why = r.timedOut() ? "no answer in time" : firstLine(r.stderr().isBlank() ? r.stdout() : r.stderr());
            return new ProbeResult(false, url, why.isBlank() ? "exit " + r.exitCode() : why, Instant.now());
        } catch (TargetException e) {
            return new ProbeResult(false, url, e.getMessage(), Instant.now());
        }
    }

    private List<String> argv(String url) {
        return switch (tool) {
            // -f: an HTTP error status is a failure, which is what a health path means.
            case "curl" -> List.of("curl", "-fsS", "-o", "/dev/null", "-m", String.valueOf(REQUEST_SECONDS), url);
            case "wget" -> List.of("wget", "-q", "-O", "/dev/null", "-T", String.valueOf(REQUEST_SECONDS), url);
            default -> List.of("busybox", "wget", "-q", "-O", "/dev/null", "-T", String.valueOf(REQUEST_SECONDS), url);
        };
    }

    /** Which HTTP client the target has; asked once because every probe would ask the same. */
    private String detect() throws TargetException {
        ExecResult r = target.exec(List.of("sh", "-c", "command -v curl || command -v wget || command -v busybox"),
                Duration.ofSeconds(10));
        String found = r.stdout().strip();
        if (found.endsWith("/curl") || found.equals("curl")) {
            return "curl";
        }
        if (found.endsWith("/wget") || found.equals("wget")) {
            return "wget";
        }
        if (!found.isEmpty()) {
            return "busybox";
        }
        return "none";
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}

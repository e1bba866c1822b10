package dev.berth.engine.health;

import dev.berth.engine.BusyboxImage;
import dev.berth.engine.ComposeLabels;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.ExternalTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Containers of a made-up Compose project (labelled as Compose labels them) from a one-file
 * BusyBox image with /bin/sh and the applets the health checks use: {@code --health-cmd} runs
 * through /bin/sh, which the plain test image lacks. Removed again by {@link #close()}.
 */
final class HealthContainers implements AutoCloseable {
    static final String IMAGE = BusyboxImage.NAME;

    final String project = "berthhealth" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> names = new ArrayList<>();
    private final Path work;

    HealthContainers(Path work) {
        this.work = work;
        BusyboxImage.ensure(work);
    }

    /** Runs a container of {@code service}: docker-run options, then the shell script it runs. */
    String run(String service, List<String> options, String script) {
        String name = project + "-" + service + "-" + names.size();
        names.add(name);
        List<String> argv = new ArrayList<>(List.of("docker", "run", "-d", "--name", name,
                "--label", ComposeLabels.PROJECT + "=" + project,
                "--label", ComposeLabels.SERVICE + "=" + service));
        argv.addAll(options);
        argv.addAll(List.of(IMAGE, "/bin/sh", "-c", script));
        run(argv.toArray(String[]::new));
        return name;
    }

    /**
     * A web app answering {@code /health} on {@code port} and publishing no host port, whose Docker
     * health check (the same page) first runs only 300 s after the start: until then only Berth's
     * own probe can tell it is up.
     */
    String runUnpublishedWeb(String service, int port, List<String> options) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of("--health-cmd", "wget -q -O /dev/null http://127.0.0.1:" + port + "/health",
                "--health-interval", "300s"));
        return run(service, all, "mkdir -p /www" + port + " && echo ok > /www" + port + "/health && exec httpd -f -p " + port
                + " -h /www" + port);
    }

    /** The container's address on its (one) network, as {@code docker inspect} says. */
    String address(String name) {
        ExternalTool.Result r = ExternalTool.run(work, List.of("docker", "inspect", "-f",
                "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", name));
        assertEquals(0, r.exitCode(), r.output());
        return r.output().strip();
    }

    private void run(String... argv) {
        ExternalTool.Result r = ExternalTool.run(work, List.of(argv));
        assertEquals(0, r.exitCode(), String.join(" ", argv) + ": " + r.output());
    }

    @Override
    public void close() {
        for (String n : names) {
            ExternalTool.run(work, List.of("docker", "rm", "-f", n));
        }
    }
}

package dev.berth.engine.check;

import dev.berth.engine.BusyboxImage;
import dev.berth.engine.ComposeLabels;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.testsupport.ExternalTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real containers for the tests, from a one-file image made of this machine's static BusyBox
 * (this machine has no registry to pull from). Removed again by {@link #close()}.
 */
final class TestContainers implements AutoCloseable {
    static final String IMAGE = BusyboxImage.NAME;
    private final List<String> names = new ArrayList<>();
    private final Path work;

    TestContainers(Path work) {
        this.work = work;
        BusyboxImage.ensure(work);
    }

    /** Starts a container of a Compose project that publishes a host port on 127.0.0.1. */
    String start(String name, String project, int hostPort) {
        names.add(name);
        run("docker", "run", "-d", "--name", name, "--label", ComposeLabels.PROJECT + "=" + project,
                "-p", "127.0.0.1:" + hostPort + ":80", IMAGE, "/bin/busybox", "sleep", "300");
        return name;
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

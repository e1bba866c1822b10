package dev.berth.engine;

import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.testsupport.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Tests against the real Docker engine: skipped with the reason where none runs, failed under CI. */
public final class RequiresDocker {
    private RequiresDocker() {
    }

    public static void engine() {
        String host = System.getenv("DOCKER_HOST");
        boolean socket = host == null ? Files.exists(Path.of("/var/run/docker.sock")) : true;
        boolean answers = false;
        if (socket) {
            try {
                Process p = new ProcessBuilder("docker", "version", "--format", "{{.Server.Version}}").redirectErrorStream(true).start();
                answers = p.waitFor() == 0;
            } catch (IOException e) {
                answers = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!answers) {
            String reason = "no Docker engine answers here (start dockerd; .ci/run does)";
            if (ExternalTool.underCi()) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
    }
}

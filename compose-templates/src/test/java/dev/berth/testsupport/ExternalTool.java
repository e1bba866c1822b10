package dev.berth.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real program the tests run (docker-compose, promtool, nginx, fail2ban-regex). On a
 * newcomer's machine a missing tool skips the test with the reason; under CI ({@code CI=true})
 * it fails, because .ci/run installs every tool.
 */
public final class ExternalTool {
    public record Result(int exitCode, String output) {
    }

    private ExternalTool() {
    }

    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the test with the reason, or fails it under CI, where everything it needs must be there. */
    public static void skipOrFail(String reason) {
        skipOrFail(reason, underCi());
    }

    /** The same decision with CI given, for helpers whose own tests set it. Always throws. */
    static void skipOrFail(String reason, boolean underCi) {
        if (underCi) {
            fail(reason);
        }
        Assumptions.abort(reason);
    }

    /** The tool's path, or a skip (fail under CI) naming the package that provides it. */
    public static Path require(String name, String installHint) {
        Path found = find(name);
        if (found == null) {
            String reason = name + " is not installed (" + installHint + "); .ci/run installs it";
            if (underCi()) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        return found;
    }

    /** The tool's path on PATH or in the usual sbin folders, or null. */
    public static Path find(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/local/sbin", "/usr/libexec/docker/cli-plugins",
                "/usr/local/lib/docker/cli-plugins"));
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs a command in a folder, with output and errors merged, and a time limit. */
    public static Result run(Path workDir, List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            pb.environment().remove("COMPOSE_PROJECT_NAME");
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + command);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

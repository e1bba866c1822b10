package dev.berth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.ExternalTool.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered stack through both Compose implementations people run: legacy docker-compose
 * 1.29 (Debian 12's package) and Compose v2 (the CLI plugin).
 *
 * <p>The v2 plugin binary runs standalone when the docker CLI did not start it: then it is
 * {@code docker-compose config}, not {@code docker-compose compose config} (that form fails with
 * "unknown docker command: compose compose"). Through the CLI it is {@code docker compose config}.
 */
class ComposeToolsTest {
    /** Where the docker CLI looks for plugins (system-wide, then the user's). */
    private static final List<Path> PLUGIN_DIRS = List.of(Path.of("/usr/libexec/docker/cli-plugins"),
            Path.of("/usr/local/libexec/docker/cli-plugins"), Path.of("/usr/lib/docker/cli-plugins"),
            Path.of("/usr/local/lib/docker/cli-plugins"), Path.of(System.getProperty("user.home"), ".docker/cli-plugins"));

    @TempDir
    Path tmp;

    static List<String> examples() {
        return Examples.names();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void composeV1AcceptsTheStack(String example) {
        Path dir = Examples.renderTo(example, tmp);

        assertAccepted(example, "docker-compose 1.29", ExternalTool.run(dir, List.of(composeV1().toString(), "config", "-q")));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void composeV2AcceptsTheStack(String example) {
        Path dir = Examples.renderTo(example, tmp);

        assertAccepted(example, "Compose v2 (standalone)", ExternalTool.run(dir, List.of(composeV2().toString(), "config", "-q")));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void dockerComposeAcceptsTheStack(String example) {
        Path docker = ExternalTool.require("docker", "apt-get install docker.io");
        composeV2();
        Path dir = Examples.renderTo(example, tmp);

        assertAccepted(example, "docker compose", ExternalTool.run(dir, List.of(docker.toString(), "compose", "config", "-q")));
    }

    /** Proves the v1 check can fail: 1.29 rejects the top-level name: that only v2 knows. */
    @Test
    void composeV1RejectsATopLevelName() throws IOException {
        Path dir = Examples.renderTo(Examples.names().getFirst(), tmp);
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, "name: berth\n" + Files.readString(compose));

        Result result = ExternalTool.run(dir, List.of(composeV1().toString(), "config", "-q"));

        assertNotEquals(0, result.exitCode(), () -> "docker-compose 1.29 accepted a top-level name:\n" + result.output());
        assertTrue(result.output().contains("name"), () -> "the error does not mention 'name':\n" + result.output());
    }

    /** Proves the v2 check can fail: a misspelt service key. */
    @Test
    void composeV2RejectsAnUnknownServiceKey() throws IOException {
        Path dir = Examples.renderTo(Examples.names().getFirst(), tmp);
        Path compose = dir.resolve("compose.yaml");
        Files.writeString(compose, Files.readString(compose).replaceFirst("\n    image: ", "\n    imagee: "));

        Result result = ExternalTool.run(dir, List.of(composeV2().toString(), "config", "-q"));

        assertNotEquals(0, result.exitCode(), () -> "Compose v2 accepted 'imagee':\n" + result.output());
        assertTrue(result.output().contains("imagee"), () -> "the error does not name the bad key:\n" + result.output());
    }

    private static void assertAccepted(String example, String tool, Result result) {
        assertEquals(0, result.exitCode(), () -> tool + " rejected " + example + "/compose.yaml:\n" + result.output());
    }

    /** docker-compose 1.29 from PATH; on a machine where that name is the v2 binary, v1 is missing (other tests run it too). */
    static Path composeV1() {
        Path tool = ExternalTool.require("docker-compose", "apt-get install docker-compose");
        String version = ExternalTool.run(Path.of("."), List.of(tool.toString(), "version", "--short")).output().strip();
        if (!version.startsWith("1.")) {
            missing(tool + " is Compose " + version + ", not the legacy 1.29 (apt-get install docker-compose on Debian 12)");
        }
        return tool;
    }

    static Path composeV2() {
        for (Path dir : PLUGIN_DIRS) {
            Path plugin = dir.resolve("docker-compose");
            if (Files.isExecutable(plugin)) {
                return plugin;
            }
        }
        return missing("the Compose v2 plugin is not installed in " + PLUGIN_DIRS + "; .ci/run installs it");
    }

    /** Like {@link ExternalTool#require}: skip on a newcomer's machine, fail under CI. */
    private static Path missing(String reason) {
        if (ExternalTool.underCi()) {
            fail(reason);
        }
        Assumptions.abort(reason);
        return null;
    }
}

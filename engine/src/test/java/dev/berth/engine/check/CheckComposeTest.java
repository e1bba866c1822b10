package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.Target;
import dev.berth.testsupport.ExternalTool;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckComposeTest {
    private static CheckResult check(Target t) throws Exception {
        return new ComposeCheck().run(new CheckContext(t, null, new FactGatherer(t).gather()));
    }

    private static String versionOf(String... argv) {
        ExternalTool.Result r = ExternalTool.run(java.nio.file.Path.of("."), List.of(argv));
        return r.output().strip().replaceFirst("^v", "");
    }

    @Test
    void theComposePluginIsPreferred() throws Exception {
        // The plugin lives in docker's cli-plugins folder, where require() looks too.
        ExternalTool.require("docker-compose", "apt-get install docker-compose-plugin");
        org.junit.jupiter.api.Assumptions.assumeTrue(ExternalTool.underCi()
                || ExternalTool.run(java.nio.file.Path.of("."), List.of("docker", "compose", "version")).exitCode() == 0,
                "the docker compose plugin is not installed");
        try (LocalTarget t = new LocalTarget()) {
            String version = versionOf("docker", "compose", "version", "--short");
            CheckResult r = check(t);
            assertEquals(Status.PASS, r.status(), r.toString());
            assertEquals("Compose " + version + " ('docker compose')", r.summary());
            assertEquals(new CheckData.ComposeCommand(List.of("docker", "compose"), version, true),
                    r.data(CheckData.ComposeCommand.class).orElseThrow());
        }
    }

    @Test
    void theOldDockerComposeIsUsedWithAWarning() throws Exception {
        ExternalTool.require("docker-compose", "apt-get install docker-compose");
        String version = versionOf("docker-compose", "version", "--short");
        try (LocalTarget real = new LocalTarget()) {
            CheckResult r = check(new HidingTarget(real, Set.of("docker compose"), Set.of(), null));
            if (!version.startsWith("1.")) {
                assertEquals(Status.PASS, r.status(), "a standalone Compose v2: " + r);
                return;
            }
            assertEquals(Status.WARN, r.status(), r.toString());
            assertEquals("Only the old docker-compose " + version + " is installed; Berth uses it, but Compose v2 is "
                    + "maintained and faster", r.summary());
            assertEquals(List.of("docker-compose"), r.data(CheckData.ComposeCommand.class).orElseThrow().argv());
            assertTrue(r.fix().startsWith("sudo apt-get install docker-compose-plugin"), r.fix());
        }
    }

    @Test
    void noComposeFailsWithTheInstallCommand() throws Exception {
        try (LocalTarget real = new LocalTarget()) {
            CheckResult r = check(new HidingTarget(real, Set.of("docker compose", "docker-compose"), Set.of(), null));
            assertEquals(Status.FAIL, r.status());
            assertEquals("Docker Compose is not installed on this computer", r.summary());
            assertEquals("sudo apt-get install docker-compose-plugin (from Docker's apt repository; with your "
                    + "distribution's own packages: sudo apt-get install docker-compose)", r.fix());
            assertTrue(r.data().isEmpty());
        }
    }
}

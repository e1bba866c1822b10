package dev.berth.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.testsupport.NeedsDocker;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckDockerTest {
    private static CheckResult check(Target t) throws Exception {
        return new DockerEngineCheck().run(new CheckContext(t, null, new FactGatherer(t).gather()));
    }

    @NeedsDocker
    @Test
    void theEngineHereIsReachableAndItsVersionJudged() throws Exception {
        RequiresDocker.engine();
        try (LocalTarget t = new LocalTarget()) {
            String version = t.docker().versionCmd().exec().getVersion();
            int major = Integer.parseInt(version.substring(0, version.indexOf('.')));
            CheckResult r = check(t);
            if (major < 24) {
                // Debian 12's engine is 20.10: usable, but no longer maintained.
                assertEquals(Status.WARN, r.status(), r.toString());
                assertEquals("Docker " + version + " is older than 24: it works, but it no longer gets security fixes and "
                        + "some health check settings are ignored", r.summary());
                assertEquals("Update Docker from Docker's own packages: https://docs.docker.com/engine/install/", r.fix());
            } else {
                assertTrue(r.details().contains("PASS: Docker " + version), r.details());
            }
            assertTrue(!r.details().contains("rootless") && !r.details().contains("snap package"),
                    "the engine here is a plain system install: " + r.details());
        }
    }

    @Test
    void anEngineThatCannotBeReachedFailsWithTheReasonAndTheFix() throws Exception {
        try (LocalTarget t = new LocalTarget("unix:///nonexistent.sock")) {
            CheckResult r = check(t);
            assertEquals(Status.FAIL, r.status());
            assertEquals("Cannot reach the Docker engine on this computer", r.summary());
            assertEquals("Cannot reach the Docker engine on this computer at unix:///nonexistent.sock. Is Docker installed "
                    + "and running? (sudo systemctl start docker)", r.details());
            assertEquals("Start it: sudo systemctl start docker (or install it: https://docs.docker.com/engine/install/)", r.fix());
            assertTrue(r.data(CheckData.DockerInstallable.class).isEmpty(), "an engine that does not answer is not mended by an install");
        }
    }

    @Test
    void aMissingDockerOffersTheGuidedInstall() throws Exception {
        try (LocalTarget real = new LocalTarget()) {
            TargetException missing = new TargetException(TargetException.Reason.DOCKER_MISSING,
                    "The docker command is not installed on this computer.");
            CheckResult r = check(new HidingTarget(real, Set.of("docker"), Set.of(), missing));
            assertEquals(Status.FAIL, r.status());
            assertEquals("Docker is not installed on this computer", r.summary());
            assertEquals("Install Docker: berth check --install-docker shows the commands and runs them once you agree"
                    + " (or by hand: https://docs.docker.com/engine/install/)", r.fix());
            assertTrue(r.data(CheckData.DockerInstallable.class).isPresent(), "the command line and the wizard offer the install");
        }
    }

    @Test
    void aUserOutsideTheDockerGroupIsToldTheCommandWithTheirName() throws Exception {
        try (LocalTarget real = new LocalTarget()) {
            TargetException denied = new TargetException(TargetException.Reason.DOCKER_DENIED,
                    "This user may not use the Docker engine on this computer (unix:///var/run/docker.sock).");
            Target t = new HidingTarget(real, Set.of(), Set.of(), denied);
            CheckResult r = check(t);
            assertEquals(Status.FAIL, r.status());
            assertEquals("This user may not use Docker on this computer", r.summary());
            assertEquals("sudo usermod -aG docker " + System.getProperty("user.name") + " — then log out and in again", r.fix());
        }
    }
}

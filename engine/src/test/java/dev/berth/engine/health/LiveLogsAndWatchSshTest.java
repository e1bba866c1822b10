package dev.berth.engine.health;

import dev.berth.engine.SshdTestBase;
import dev.berth.engine.target.SshTarget;
import dev.berth.testsupport.NeedsDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same logs and watch with Docker reached over SSH ({@code docker system dial-stdio} on the server). */
@NeedsDocker
class LiveLogsAndWatchSshTest extends SshdTestBase {
    private HealthContainers containers;

    @BeforeEach
    void setUp() {
        containers = new HealthContainers(tmp);
    }

    @AfterEach
    void tearDown() {
        containers.close();
    }

    @Test
    void logsShowTheLastLinesOverSsh() throws Exception {
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            new LiveScenarios(ssh, containers, tmp).logsTail();
        }
    }

    @Test
    void logsFollowSeesALineWrittenAfterItStartedOverSsh() throws Exception {
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            new LiveScenarios(ssh, containers, tmp).logsFollow();
        }
    }

    @Test
    void watchSeesAContainerStopAndStartOverSsh() throws Exception {
        try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp))) {
            new LiveScenarios(ssh, containers, tmp).watchSeesAStopAndAStart();
        }
    }
}

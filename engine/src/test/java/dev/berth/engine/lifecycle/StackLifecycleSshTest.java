package dev.berth.engine.lifecycle;

import dev.berth.engine.RequiresDocker;
import dev.berth.engine.SshdTestBase;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same over a real sshd, as the test user, whose Docker is this computer's engine. */
@NeedsDocker
class StackLifecycleSshTest extends SshdTestBase {
    private LifecycleScenario scenario;

    @Test
    void stopStartRemoveAndPurgeOverSsh() throws Exception {
        RequiresDocker.engine();
        Path root = sshd.scratch();
        scenario = new LifecycleScenario(root, (Integer) Files.getAttribute(root, "unix:uid"));
        scenario.run(testUser());
    }

    @AfterEach
    void cleanUp() {
        if (scenario != null) {
            scenario.cleanUp();
        }
    }
}

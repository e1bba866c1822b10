package dev.berth.engine.lifecycle;

import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stop, start and remove a stand-in stack on this computer's engine. */
@NeedsDocker
class StackLifecycleTest {
    @TempDir
    Path root;
    private LifecycleScenario scenario;

    @Test
    void stopStartRemoveAndPurgeLocally() throws Exception {
        RequiresDocker.engine();
        scenario = new LifecycleScenario(root, 1000);
        scenario.run(LocalTarget::new);
    }

    @AfterEach
    void cleanUp() {
        if (scenario != null) {
            scenario.cleanUp();
        }
    }
}

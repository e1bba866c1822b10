package dev.berth.engine.backup;

import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stand-in stack on this computer: backed up, an app's folder lost, then its compose.yaml; restored byte for byte, healthy again. */
@NeedsDocker
class StackBackupsTest {
    @TempDir
    Path root;
    private BackupScenario scenario;

    @Test
    void backsUpAndRestoresOneAppThenTheWholeStackOnThisComputer() throws Exception {
        dev.berth.engine.RequiresDocker.engine();
        scenario = new BackupScenario(root, 1000);
        scenario.backUpAndRestore(LocalTarget::new);
        scenario.restoreWholeStack(LocalTarget::new);
    }

    @AfterEach
    void cleanUp() {
        if (scenario != null) {
            scenario.cleanUp();
        }
    }
}

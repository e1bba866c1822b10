package dev.berth.engine.backup;

import dev.berth.engine.RequiresDocker;
import dev.berth.engine.SshdTestBase;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same backup and restore over a real sshd, as the test user, whose Docker is this computer's engine. */
@NeedsDocker
class StackBackupsSshTest extends SshdTestBase {
    private BackupScenario scenario;

    @Test
    void backsUpAndRestoresOneAppOverSsh() throws Exception {
        RequiresDocker.engine();
        Path root = sshd.scratch();
        scenario = new BackupScenario(root, (Integer) Files.getAttribute(root, "unix:uid"));
        scenario.backUpAndRestore(testUser());
    }

    @AfterEach
    void cleanUp() {
        if (scenario != null) {
            scenario.cleanUp();
        }
    }
}

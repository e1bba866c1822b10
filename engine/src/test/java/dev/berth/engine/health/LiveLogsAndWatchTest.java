package dev.berth.engine.health;

import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth logs} and {@code berth status --watch} against the real engine on this computer. */
@NeedsDocker
class LiveLogsAndWatchTest {
    @TempDir
    Path tmp;
    private HealthContainers containers;
    private final LocalTarget target = new LocalTarget();

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        containers = new HealthContainers(tmp);
    }

    @AfterEach
    void tearDown() {
        containers.close();
        target.close();
    }

    @Test
    void logsShowTheLastLinesAndFollowSeesANewOne() throws Exception {
        new LiveScenarios(target, containers, tmp).logsTail();
        new LiveScenarios(target, containers, tmp).logsFollow();
    }

    @Test
    void watchSeesAContainerStopAndStart() throws Exception {
        new LiveScenarios(target, containers, tmp).watchSeesAStopAndAStart();
    }
}

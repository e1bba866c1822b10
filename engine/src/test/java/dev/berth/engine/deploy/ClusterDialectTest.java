package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.berth.render.ComposeDialect;
import dev.berth.render.DockerEngineVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one compose.yaml dialect of a stack across hosts: what every host's Compose and engine read. */
class ClusterDialectTest {
    @Test
    void theLowestComposeAndTheLowestEngineOfTheHostsEvenWhenTheyAreOnDifferentHosts() {
        ComposeDialect newComposeOldEngine = new ComposeDialect(2, 32, new DockerEngineVersion(20, 10));
        ComposeDialect olderComposeNewEngine = new ComposeDialect(2, 21, new DockerEngineVersion(27, 5));

        ComposeDialect both = ClusterDeployer.lowest(List.of(newComposeOldEngine, olderComposeNewEngine));

        assertEquals(new ComposeDialect(2, 21, new DockerEngineVersion(20, 10)), both);
        // Neither host alone would refuse start_interval for its own reason, but the stack's file must suit both.
        assertFalse(both.quickFirstChecks());
    }

    @Test
    void aHostWithDockerCompose129MakesTheWholeStackV1Compatible() {
        assertEquals(ComposeDialect.V1_COMPATIBLE, ClusterDeployer.lowest(List.of(new ComposeDialect(2, 26, new DockerEngineVersion(25, 0)),
                ComposeDialect.V1_COMPATIBLE)));
    }
}

package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PortMove;
import dev.berth.plan.StackPlan;
import dev.berth.render.FolderExport;
import dev.berth.render.Renderer;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reconfigure plans with the ports of the stack folder as it is: adding Transmission (which
 * wants 9091) to a stack whose Authelia runs on 9091 moves Transmission, not Authelia. The
 * preview reads the folder and changes nothing, so no Docker engine is needed, only Compose
 * (the preview names the Compose it will use).
 */
class StackDeployerPortsTest {
    @TempDir
    Path root;

    @Test
    void addingAnAppToARunningStackMovesTheNewcomerNotWhatRuns() throws Exception {
        try (LocalTarget target = new LocalTarget()) {
            try {
                ComposeTool.detect(target);
            } catch (TargetException e) {
                ExternalTool.skipOrFail("the preview needs Docker Compose: " + e.getMessage());
            }
            Answers running = DeployFixtures.answers("full-wireguard", root, DeployFixtures.project()).withPortOverrides(Map.of());
            StackPlan before = Examples.repeatablePlanner().plan(running, Map.of());
            assertEquals(9091, before.service("authelia").orElseThrow().hostWebPort());
            FolderExport.write(new Renderer().render(before), Path.of(running.storage().stackDir()));

            List<String> services = new ArrayList<>(running.services());
            services.add("transmission");
            DeployPreview preview = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK)
                    .preview(running.withServices(services), DeployOptions.DEFAULT.withOffline(true));

            StackPlan after = preview.plan();
            assertEquals(9091, after.service("authelia").orElseThrow().hostWebPort(), "Authelia already runs on 9091");
            int transmission = after.service("transmission").orElseThrow().hostWebPort();
            assertNotEquals(9091, transmission);
            assertTrue(after.portMoves().contains(new PortMove("transmission", 9091, transmission, false,
                    "port 9091 is used by Authelia, which already runs on it")), after.portMoves().toString());
            assertEquals(before.secrets().get("authelia_jwt_secret"), after.secrets().get("authelia_jwt_secret"),
                    "the secrets are read from the same folder");
        }
    }
}

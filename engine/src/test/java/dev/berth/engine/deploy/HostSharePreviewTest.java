package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.stack.FileChange;
import dev.berth.engine.stack.StackState;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.wire.WiringPlan;
import dev.berth.plan.ImagePins;
import dev.berth.plan.PreviousPorts;
import dev.berth.render.HostShare;
import dev.berth.render.PlannedStack;
import dev.berth.render.StackRendering;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview of one host's share of a multi-host stack goes through the single-host preview's
 * second half: a share that holds the whole stack previews exactly as the answers do, and the
 * wiring job on a host wires only that host's apps. Needs the Docker CLI (the target's Compose is asked).
 */
@NeedsDocker
class HostSharePreviewTest {
    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();

    @AfterEach
    void close() {
        target.close();
    }

    private DeployPreview shareOf(Answers answers, List<String> wiredHere) throws Exception {
        StackRendering.Checked checked = new StackRendering(Catalog.builtIn()).check(answers);
        String dir = answers.storage().stackDir();
        StackState loaded = StackState.loadForRendering(target, dir, false);
        ComposeTool compose = ComposeTool.detect(target);
        PlannedStack whole = checked.render(Map.of(), PreviousPorts.NONE, compose.dialectOn(target), ImagePins.NONE);
        WiringPlan wiring = WiringPlan.of(whole.plan(), Map.of());
        return new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK).preview(new HostShare("nas", whole.plan(), whole.rendered()),
                loaded, compose, Optional.empty(), wiring.on(wiredHere), DeployOptions.DEFAULT.withOffline(true));
    }

    @Test
    void aShareHoldingTheWholeStackPreviewsAsTheAnswersDo() throws Exception {
        RequiresDocker.engine();
        Answers answers = DeployFixtures.answers(Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr", "qbittorrent")),
                root, DeployFixtures.project());
        DeployPreview single = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK).preview(answers,
                DeployOptions.DEFAULT.withOffline(true));

        DeployPreview share = shareOf(answers, List.of("jellyfin", "sonarr", "qbittorrent"));

        assertEquals(single.jobs().stream().map(Job::description).toList(), share.jobs().stream().map(Job::description).toList());
        assertEquals(single.diff().changed().stream().map(FileChange::path).toList(), share.diff().changed().stream().map(FileChange::path).toList());
        assertEquals(single.services(), share.services());
    }

    @Test
    void theWiringJobOfAHostConnectsOnlyTheAppsOnIt() throws Exception {
        RequiresDocker.engine();
        Answers answers = DeployFixtures.answers(Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr", "radarr",
                "qbittorrent")), root, DeployFixtures.project());

        DeployPreview share = shareOf(answers, List.of("sonarr", "qbittorrent"));

        String wiring = share.jobs().stream().filter(WireStackJob.class::isInstance).map(Job::description).findFirst().orElseThrow();
        assertTrue(wiring.startsWith("Connect 1 app "), wiring);
    }
}

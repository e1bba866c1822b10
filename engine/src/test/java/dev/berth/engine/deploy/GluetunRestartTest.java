package dev.berth.engine.deploy;

import dev.berth.engine.ComposeTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.VpnAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.ExecResult;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.PlannedService;
import dev.berth.testsupport.Await;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A routed app lives in Gluetun's network namespace and has no network after Gluetun restarts
 * until it restarts too. The deployer asks the target's Compose first, and Compose v2.17+ gets
 * {@code restart: true} on the dependency: restarting Gluetun through Compose restarts the app.
 */
@NeedsDocker
class GluetunRestartTest {
    @TempDir
    Path root;
    private final LocalTarget target = new LocalTarget();
    private String project;

    @BeforeEach
    void setUp() {
        RequiresDocker.engine();
        project = DeployFixtures.project();
    }

    @AfterEach
    void tearDown() {
        DeployFixtures.removeProject(target, project);
        target.close();
    }

    @Test
    void restartingGluetunThroughComposeRestartsTheRoutedApp() throws Exception {
        ComposeTool compose = ComposeTool.detect(target);
        if (!compose.dialect().restartsDependents()) {
            ExternalTool.skipOrFail("this machine's Compose is " + compose.dialect() + ": restart: true needs Compose 2.17 or newer");
        }
        VpnAnswers v = Examples.answers("full-wireguard").vpn();
        Answers base = Examples.answers("minimal-jellyfin").withServices(List.of("qbittorrent")).withVpn(new VpnAnswers(true, v.provider(), v.type(),
                v.wireguard(), null, v.countries(), List.of("qbittorrent"), v.lanSubnet()));
        Answers answers = DeployFixtures.answers(base, root, project);
        new StandInImages(root).build(DeployFixtures.plan(answers).services().stream().map(PlannedService::definition).toList());

        StackDeployer deployer = new StackDeployer(target, Catalog.builtIn(), DeployFixtures.CLOCK);
        DeployPreview preview = deployer.preview(answers, DeployOptions.DEFAULT.withOffline(true)
                .withHealthTimeout(Duration.ofSeconds(60)));
        DeployOutcome outcome = deployer.deploy(preview, new Recorded(), () -> false);
        assertTrue(outcome.succeeded(), outcome::toString);
        String stackDir = answers.storage().stackDir();
        assertTrue(Files.readString(Path.of(stackDir, "compose.yaml")).contains("        restart: true\n"),
                "the preview rendered for " + compose + ": " + Files.readString(Path.of(stackDir, "compose.yaml")));

        String before = startedAt("qbittorrent");
        ExecResult restart = target.exec(compose.argv(project, stackDir, "restart", "gluetun"), Duration.ofSeconds(120));
        assertEquals(0, restart.exitCode(), restart.stderr());

        Await.until("qBittorrent restarted with Gluetun", () -> !startedAt("qbittorrent").equals(before));
        // Back in Gluetun's new namespace: its web UI answers through Gluetun's network again.
        Await.until("qBittorrent answers in Gluetun's namespace", () -> target.exec(List.of("docker", "exec",
                DeployFixtures.containerIds(target, project).get("gluetun"), "wget", "-q", "-O", "/dev/null",
                "http://127.0.0.1:" + preview.plan().service("qbittorrent").orElseThrow().webPort() + "/"),
                Duration.ofSeconds(10)).ok());
    }

    private String startedAt(String service) throws Exception {
        String id = DeployFixtures.containerIds(target, project).get(service);
        return target.docker().inspectContainerCmd(id).exec().getState().getStartedAt();
    }
}

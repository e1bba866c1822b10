package dev.berth.wizardsteps.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Status;
import dev.berth.engine.deploy.AwaitHealthJob;
import dev.berth.engine.ComposeTool;
import dev.berth.engine.deploy.ComposeUpJob;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.DeployProgress;
import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.deploy.DeploymentEvent;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.deploy.Job;
import dev.berth.engine.deploy.PullImagesJob;
import dev.berth.engine.deploy.PullProgress;
import dev.berth.engine.health.ServiceHealth;
import dev.berth.engine.health.ServiceState;
import dev.berth.engine.wire.Link;
import dev.berth.engine.wire.WiringResult;
import dev.berth.testsupport.Examples;
import dev.berth.wizardsteps.testing.Previews;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Deploy page's rows, driven by the progress a deploy reports, in the order a failing deploy reports it. */
class DeployBoardTest {
    private static final String JELLYFIN = "lscr.io/linuxserver/jellyfin:10.11.6";
    private static final String SONARR = "lscr.io/linuxserver/sonarr:4.0.15";

    private final Answers answers = Examples.answers("minimal-jellyfin").withServices(List.of("jellyfin", "sonarr"));
    private final PullImagesJob pull = new PullImagesJob(List.of(JELLYFIN, SONARR), false);
    private final ComposeUpJob up = new ComposeUpJob(ComposeTool.PLUGIN, "media", "/opt/berth");
    private final DeployPreview preview = Previews.of(answers, Map.of(), List.of(pull, up));
    private final AwaitHealthJob health = new AwaitHealthJob(preview.plan());
    private final DeployPreview withHealth = new DeployPreview(preview.before(), preview.plan(), preview.rendered(),
            preview.diff(), List.of(pull, up, health), preview.compose(), preview.options());
    private final DeployBoard board = new DeployBoard();
    /** Sonarr's download client, which the plan adds. */
    private final String qbittorrent = preview.plan().service("qbittorrent").orElseThrow().definition().image().reference();

    @Test
    void rowsAreSetOutBeforeAnythingRuns() {
        board.start(withHealth);
        assertEquals(List.of(pull.description(), up.description(), health.description()),
                board.jobs().stream().map(JobRow::description).toList());
        assertTrue(board.jobs().stream().allMatch(j -> j.status() == JobRow.Status.WAITING));
        assertEquals(List.of(JELLYFIN, qbittorrent, SONARR), board.images().stream().map(ImageRow::image).toList(),
                "a bar for every image of the plan, which the pull step makes sure is there");
        List<String> services = board.services().stream().map(ServiceRow::service).toList();
        assertTrue(services.containsAll(List.of("jellyfin", "sonarr", "qbittorrent")), services::toString);
        assertEquals("waiting", board.services().getFirst().stateText());
    }

    @Test
    void aFailingDeployShowsEachStepThenTheRollbackAndTheLogOfWhatFailed() {
        board.start(withHealth);
        apply(new DeploymentEvent.Started(pull, 0, 3));
        assertEquals(JobRow.Status.RUNNING, board.jobs().get(0).status());
        board.apply(new DeployProgress.Pull(new PullProgress(JELLYFIN, null, 0, 0, PullProgress.PRESENT)));
        board.apply(new DeployProgress.Pull(new PullProgress(SONARR, "a", 50_000_000, 100_000_000, "Downloading")));
        board.apply(new DeployProgress.Pull(new PullProgress(SONARR, "b", 0, 100_000_000, "Waiting")));
        ImageRow jellyfin = image(JELLYFIN);
        ImageRow sonarr = image(SONARR);
        assertEquals(1.0, jellyfin.fractionProperty().get());
        assertEquals(PullProgress.PRESENT, jellyfin.textProperty().get());
        assertEquals(0.25, sonarr.fractionProperty().get(), 1e-9);
        assertEquals("50.0 of 200.0 MB", sonarr.textProperty().get());
        for (String image : List.of(JELLYFIN, qbittorrent, SONARR)) {
            board.apply(new DeployProgress.Pull(new PullProgress(image, null, 0, 0, PullProgress.DONE)));
        }
        apply(new DeploymentEvent.Finished(pull));
        assertEquals(1.0, sonarr.fractionProperty().get(), "the pull step ended: every image is there");
        assertEquals("Downloaded", sonarr.textProperty().get());
        assertEquals(PullProgress.PRESENT, jellyfin.textProperty().get(), "an image that was there stays so");

        apply(new DeploymentEvent.Started(up, 1, 3));
        apply(new DeploymentEvent.Finished(up));
        apply(new DeploymentEvent.Started(health, 2, 3));
        board.apply(new DeployProgress.Health(new ServiceHealth("jellyfin", ServiceState.STARTING, Instant.EPOCH, "", null, "c1")));
        ServiceRow jellyfinRow = board.services().getFirst();
        assertEquals("starting", jellyfinRow.stateText());
        board.apply(new DeployProgress.Health(new ServiceHealth("jellyfin", ServiceState.HEALTHY, Instant.EPOCH, "", null, "c1")));
        assertEquals("healthy", jellyfinRow.stateText());
        board.apply(new DeployProgress.Checked(new CheckResult("ports", "Host ports", Status.WARN, "8096 is in use", "", "",
                Optional.empty())));
        assertEquals(List.of("Host ports: 8096 is in use"), board.warnings());

        apply(new DeploymentEvent.Failed(health, "Not every service was healthy after 10 min"));
        apply(new DeploymentEvent.Undone(health));
        apply(new DeploymentEvent.Undone(up));
        apply(new DeploymentEvent.UndoFailed(pull, "the disk is full"));
        assertEquals(List.of(JobRow.Status.UNDO_FAILED, JobRow.Status.UNDONE, JobRow.Status.FAILED),
                board.jobs().stream().map(JobRow::status).toList());
        assertEquals("Not every service was healthy after 10 min", board.jobs().get(2).detailProperty().get());
        assertEquals("the disk is full", board.jobs().get(0).detailProperty().get());

        DeployReport report = new DeployReport(List.of(
                new DeployReport.ServiceReport("jellyfin", ServiceState.HEALTHY, "", "http://localhost:8096/", List.of(), true),
                new DeployReport.ServiceReport("sonarr", ServiceState.UNHEALTHY, "health check failed", null,
                        List.of("starting", "never healthy"), false)));
        board.finish(new DeployOutcome(new DeploymentResult.RolledBack(health, new IllegalStateException("x"), List.of()),
                Optional.of(report), Optional.empty()));
        ServiceRow sonarrRow = board.services().stream().filter(s -> s.service().equals("sonarr")).findFirst().orElseThrow();
        assertTrue(sonarrRow.failedProperty().get());
        assertEquals("failed", sonarrRow.stateText());
        assertEquals(List.of("starting", "never healthy"), sonarrRow.logTailProperty().get());
        assertFalse(jellyfinRow.failedProperty().get());
        assertEquals(List.of(), jellyfinRow.logTailProperty().get());
    }

    @Test
    void progressOfAnotherDeployOrAnUnknownImageIsIgnored() {
        board.start(withHealth);
        Job stranger = new ComposeUpJob(ComposeTool.PLUGIN, "other", "/srv/other");
        apply(new DeploymentEvent.Started(stranger, 0, 1));
        board.apply(new DeployProgress.Pull(new PullProgress("example.org/unknown:1", "a", 1, 2, "Downloading")));
        board.apply(new DeployProgress.Health(new ServiceHealth("nobody", ServiceState.HEALTHY, Instant.EPOCH, "", null, "c")));
        assertTrue(board.jobs().stream().allMatch(j -> j.status() == JobRow.Status.WAITING));
    }

    @Test
    void theWiringStepShowsEachAppUnderItsRowAsItGoes() {
        board.start(withHealth);
        board.wiring("Sonarr", false, List.of());
        assertTrue(board.jobs().stream().allMatch(j -> j.noteProperty().get().isEmpty()), "between steps: nowhere to show it");

        apply(new DeploymentEvent.Started(up, 1, 3));
        board.wiring("Sonarr", false, List.of());
        JobRow row = board.jobs().get(1);
        assertEquals("Connecting Sonarr…", row.noteProperty().get());
        board.wiring("Sonarr", true, List.of(new Link("Sonarr", "qBittorrent", Link.Status.OK, ""),
                new Link("Sonarr", "sign-in", Link.Status.NEEDS_ATTENTION, "Sonarr says: no")));
        assertEquals("Sonarr: 1 link of 2 needs attention", row.noteProperty().get());
        board.wiring("Prowlarr", true, List.of(new Link("Prowlarr", "Radarr", Link.Status.OK, "")));
        assertEquals("Prowlarr: the link works", row.noteProperty().get());
        assertTrue(board.jobs().get(0).noteProperty().get().isEmpty());

        apply(new DeploymentEvent.Finished(up));
        assertEquals("", row.noteProperty().get(), "a step that is done shows its mark only");
        board.wiring("Radarr", false, List.of());
        assertTrue(board.jobs().stream().allMatch(j -> j.noteProperty().get().isEmpty()));

        WiringResult wiring = new WiringResult(List.of(new Link("Sonarr", "qBittorrent", Link.Status.OK, ""),
                new Link("Sonarr", "sign-in", Link.Status.NEEDS_ATTENTION, "Sonarr says: no"),
                new Link("Prowlarr", "Radarr", Link.Status.OK, "")), 5, List.of());
        board.finish(new DeployOutcome(new DeploymentResult.Succeeded(withHealth.jobs()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(wiring)));
        assertEquals("1 link of 3 needs attention", row.noteProperty().get(), "the step succeeded; its links did not all work");
    }

    private ImageRow image(String image) {
        return board.images().stream().filter(r -> r.image().equals(image)).findFirst().orElseThrow();
    }

    private void apply(DeploymentEvent e) {
        board.apply(new DeployProgress.Step(e));
    }
}

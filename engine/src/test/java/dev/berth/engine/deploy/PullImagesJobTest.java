package dev.berth.engine.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.NeedsDocker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullImagesJobTest {
    @TempDir
    Path root;

    @NeedsDocker
    @Test
    void imagesAlreadyThereAreNotPulled() throws Exception {
        RequiresDocker.engine();
        StackPlan plan = DeployFixtures.plan(DeployFixtures.answers("minimal-jellyfin", root, DeployFixtures.project()));
        new StandInImages(root).build(plan.services().stream().map(PlannedService::definition).toList());
        List<PullProgress> progress = new ArrayList<>();
        try (LocalTarget target = new LocalTarget()) {
            // Not offline: with the image present it must not even try the (unreachable) registry.
            new PullImagesJob(plan, false).execute(new JobContext(target, DeployFixtures.CLOCK).withProgress(p -> {
                if (p instanceof DeployProgress.Pull pull) {
                    progress.add(pull.progress());
                }
            }));
        }
        String jellyfin = "lscr.io/linuxserver/jellyfin:10.11.6";
        assertEquals(List.of(new PullProgress(jellyfin, null, 0, 0, PullProgress.PRESENT),
                new PullProgress(jellyfin, null, 0, 0, PullProgress.DONE)), progress);
    }

    @NeedsDocker
    @Test
    void offlineFailsClearlyForAMissingImage() {
        RequiresDocker.engine();
        String missing = "berth-test/never-built:" + DeployFixtures.project();
        try (LocalTarget target = new LocalTarget()) {
            TargetException e = assertThrows(TargetException.class, () -> new PullImagesJob(List.of(missing), true)
                    .execute(new JobContext(target, DeployFixtures.CLOCK)));
            assertEquals("image " + missing + " is not on this computer and --offline forbids pulling", e.getMessage());
        }
    }

    @NeedsDocker
    @Test
    void aFailedDownloadSaysWhichImage() {
        RequiresDocker.engine();
        // Port 1 on this machine: refused at once, no registry needed to show the failure path.
        String image = "127.0.0.1:1/berth/missing:1";
        try (LocalTarget target = new LocalTarget()) {
            TargetException e = assertThrows(TargetException.class, () -> new PullImagesJob(List.of(image), false)
                    .execute(new JobContext(target, DeployFixtures.CLOCK)));
            assertTrue(e.getMessage().startsWith("Could not download " + image + " on this computer"), e.getMessage());
        }
    }

    @Test
    void engineMessagesBecomeProgressPerLayerInBytes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String image = "lscr.io/linuxserver/sonarr:4.0.15";
        PullResponseItem layer = json.readValue("""
                {"status":"Downloading","progressDetail":{"current":1048576,"total":31457280},"id":"a1b2c3d4e5f6"}""",
                PullResponseItem.class);
        assertEquals(new PullProgress(image, "a1b2c3d4e5f6", 1048576, 31457280, "Downloading"), PullImagesJob.progress(image, layer));
        PullResponseItem whole = json.readValue("""
                {"status":"Pulling from linuxserver/sonarr","id":"4.0.15"}""", PullResponseItem.class);
        PullProgress p = PullImagesJob.progress(image, whole);
        assertNull(p.layerId());
        assertEquals(0, p.total());
        PullResponseItem error = json.readValue("""
                {"error":"manifest unknown","errorDetail":{"message":"manifest unknown"}}""", PullResponseItem.class);
        DockerClientException e = assertThrows(DockerClientException.class, () -> PullImagesJob.progress(image, error));
        assertTrue(e.getMessage().contains("manifest unknown"));
    }
}

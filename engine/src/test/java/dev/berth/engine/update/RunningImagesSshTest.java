package dev.berth.engine.update;

import static dev.berth.engine.update.UpdateFixtures.build;
import static dev.berth.engine.update.UpdateFixtures.created;
import static dev.berth.engine.update.UpdateFixtures.pushedDigest;
import static dev.berth.engine.update.UpdateFixtures.run;
import static dev.berth.engine.update.UpdateFixtures.sonarrAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.catalog.Image;
import dev.berth.engine.ComposeLabels;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.SshdTestBase;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.SshTarget;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.ExternalTool;
import dev.berth.testsupport.NeedsDocker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a service runs, read from the engine over SSH as from this computer's. */
@NeedsDocker
class RunningImagesSshTest extends SshdTestBase {
    @Test
    void theRunningContainersDigestAndDateOverSsh() throws Exception {
        RequiresDocker.engine();
        try (LoopbackRegistry registry = new LoopbackRegistry(tmp, "")) {
            String ref = registry.host() + "/linuxserver/sonarr:4.0.15";
            try {
                build(tmp, ref, "4.0.15");
                run(tmp, "docker", "push", "-q", ref);
                run(tmp, "docker", "run", "-d", "--name", "berth-h4-ssh",
                        "--label", ComposeLabels.PROJECT + "=" + UpdateFixtures.PROJECT, "--label", ComposeLabels.SERVICE + "=sonarr",
                        ref, "sleep", "100000");
                StackPlan plan = sonarrAt(new Image(registry.host() + "/linuxserver/sonarr", "4.0.15"));

                Map<String, RunningImage> overSsh;
                Map<String, RunningImage> here;
                try (SshTarget ssh = SshTarget.connect(sshd.withKey("ed25519"), sshd.settings(tmp));
                     LocalTarget local = new LocalTarget()) {
                    overSsh = RunningImages.read(ssh, plan);
                    here = RunningImages.read(local, plan);
                }

                RunningImage sonarr = overSsh.get("sonarr");
                assertEquals(pushedDigest(tmp, ref), sonarr.digest());
                assertEquals(Instant.parse(created(tmp, ref)), sonarr.created());
                assertEquals(Platform.DEFAULT, sonarr.platform());
                assertEquals(here, overSsh);
            } finally {
                ExternalTool.run(tmp, List.of("docker", "rm", "-f", "berth-h4-ssh"));
                ExternalTool.run(tmp, List.of("docker", "image", "rm", ref));
            }
        }
    }
}

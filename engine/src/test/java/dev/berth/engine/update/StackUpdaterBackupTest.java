package dev.berth.engine.update;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.BackupAnswers;
import dev.berth.answers.StorageAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.BackupScheduler;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.target.LocalTarget;
import dev.berth.plan.PlannedService;
import dev.berth.plan.PreviousPorts;
import dev.berth.render.FolderExport;
import dev.berth.render.StackRendering;
import dev.berth.testsupport.Examples;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** berth update looks for updates of the stack as it was deployed: with the scheduled container that {@code auto} became here. */
class StackUpdaterBackupTest {
    @TempDir
    Path root;

    @Test
    void theBackupContainerAutoBecameIsAmongTheServicesLookedAt() throws Exception {
        Answers a = Examples.answers("minimal-jellyfin");
        StorageAnswers s = a.storage();
        a = a.withStorage(new StorageAnswers(root.resolve("stack").toString(), root.resolve("data").toString(),
                        root.resolve("config").toString(), s.puid(), s.pgid(), s.timeZone(), false))
                .withBackup(new BackupAnswers(true, root.resolve("disk/berth").toString(), null, null, null, null));
        FolderExport.write(new StackRendering(Catalog.builtIn()).render(a, Map.of(), PreviousPorts.NONE).rendered(), root.resolve("stack"));
        try (LocalTarget target = new LocalTarget()) {
            BackupAnswers.Scheduler here = BackupScheduler.ask(target);
            StackUpdater updater = new StackUpdater(target, Catalog.builtIn(), Clock.systemUTC(), (t, plan, cancelled) -> plan.services()
                    .stream().map(svc -> new ImageStatus(svc.name(), svc.image(), null, null, Optional.empty(), Optional.empty())).toList());
            List<String> services = updater.preview(root.resolve("stack").toString(), Set.of(), DeployOptions.DEFAULT, () -> false)
                    .current().services().stream().map(PlannedService::name).toList();
            assertTrue(services.contains("backup") == (here == BackupAnswers.Scheduler.CONTAINER), here + ": " + services);
        }
    }
}

package dev.berth.wizardsteps.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.StorageAnswers;
import dev.berth.engine.check.Status;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageViewModelTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final StepContext ctx = TestContexts.create(dialogs);
    private final StorageViewModel vm = new StorageViewModel(ctx);

    @Test
    void entering_suggestsFoldersAndTakesIdsAndTimeZoneFromTheTarget() {
        vm.enter();
        assertFalse(vm.dataRootProperty().get().isBlank());
        assertEquals(vm.stackDirProperty().get() + "/config", vm.configRootProperty().get());
        assertFalse(vm.puidProperty().get().isBlank(), "from the ids-timezone check on this computer");
        assertFalse(vm.timeZoneProperty().get().isBlank());
        assertTrue(vm.isValid(), () -> vm.messageProperty("timeZone").get() + vm.messageProperty("puid").get());
        assertNotNull(ctx.model().storageProperty().get());
    }

    @Test
    void eachFieldShowsTheValidatorsMessage() {
        vm.enter();
        vm.dataRootProperty().set("media");
        assertTrue(vm.messageProperty("dataRoot").get().startsWith("must be an absolute path"), vm.messageProperty("dataRoot").get());
        assertFalse(vm.isValid());
        vm.timeZoneProperty().set("CET");
        assertFalse(vm.messageProperty("timeZone").get().isEmpty());
        vm.puidProperty().set("me");
        assertEquals("must be a whole number, such as 1000 (see `id -u` on the target)", vm.messageProperty("puid").get());
        vm.dataRootProperty().set("/srv/media");
        vm.timeZoneProperty().set("Europe/Berlin");
        vm.puidProperty().set("1000");
        assertTrue(vm.isValid());
        assertTrue(vm.summaryProperty().get().startsWith("/srv/media, owner 1000:"), vm.summaryProperty().get());
    }

    @Test
    void theTreePreviewFollowsTheChosenApps() {
        vm.enter();
        vm.dataRootProperty().set("/srv/media");
        assertTrue(vm.tree().contains("├── usenet"), "before apps are chosen, the whole tree: " + vm.tree());
        assertTrue(vm.tree().contains("    ├── music"), "Lidarr's music is part of the whole tree: " + vm.tree());
        ctx.model().setServices(List.of("jellyfin"));
        assertEquals(List.of("/srv/media", "└── media", "    ├── movies", "    └── tv"), vm.tree(), "jellyfin.yaml's default libraries");
    }

    @Test
    void theTreeHasOnlyTheKindsOfMediaTheChosenAppsKeep() {
        vm.enter();
        vm.dataRootProperty().set("/srv/media");
        ctx.model().setServices(List.of("jellyfin", "sonarr", "radarr", "qbittorrent"));
        assertEquals(List.of("/srv/media",
                "├── torrents",
                "│   ├── movies",
                "│   └── tv",
                "└── media",
                "    ├── movies",
                "    └── tv"), vm.tree());
        assertTrue(vm.tree().stream().noneMatch(l -> l.endsWith("music") || l.endsWith("books")), vm.tree()::toString);

        ctx.model().setServices(List.of("jellyfin", "sonarr", "radarr", "lidarr", "qbittorrent", "sabnzbd"));
        assertEquals(List.of("/srv/media",
                "├── torrents",
                "│   ├── movies",
                "│   ├── music",
                "│   └── tv",
                "├── usenet",
                "│   ├── incomplete",
                "│   └── complete",
                "│       ├── movies",
                "│       ├── music",
                "│       └── tv",
                "└── media",
                "    ├── movies",
                "    ├── music",
                "    └── tv"), vm.tree());
    }

    @Test
    void leavingAPathRunsTheHardlinkCheckThere(@TempDir Path dir) {
        vm.enter();
        vm.dataRootProperty().set(dir.resolve("data").toString());
        vm.stackDirProperty().set(dir.resolve("stack").toString());
        vm.configRootProperty().set(dir.resolve("stack/config").toString());
        vm.pathLeft();
        assertEquals(Status.PASS, vm.hardlinks().statusProperty().get(), vm.hardlinks().textProperty().get());
        assertTrue(vm.hardlinks().textProperty().get().startsWith("Hardlinks work"), vm.hardlinks().textProperty().get());
    }

    @Test
    void storageLoadedFromAFileFillsTheFieldsAndTheSummaryBeforeThePageIsOpened() {
        ctx.model().setStorage(new StorageAnswers("/opt/berth", "/srv/media data", "/opt/berth/config", 1000, 1000,
                "Europe/Berlin", true));
        assertEquals("/srv/media data", vm.dataRootProperty().get());
        assertTrue(vm.hardwareTranscodingProperty().get());
        assertEquals("/srv/media data, owner 1000:1000, Europe/Berlin", vm.summaryProperty().get());
    }
}

package dev.berth.wizardsteps.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.catalog.Category;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppsViewModelTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final AppsViewModel vm = new AppsViewModel(ctx);

    @Test
    void nothingChosenBlocksNextWithoutShoutingAboutIt() {
        vm.enter();
        assertFalse(vm.isValid());
        assertEquals("", vm.problemProperty().get());
        assertEquals("", vm.summaryProperty().get());
    }

    @Test
    void cardsComeByCategoryAndLeaveOutWhatOtherPagesSwitchOn() {
        var byCategory = vm.cardsByCategory();
        assertEquals(List.of("emby", "jellyfin", "plex"), byCategory.get(Category.MEDIA_SERVER).stream().map(AppCard::id).toList());
        assertTrue(byCategory.containsKey(Category.DOWNLOAD_CLIENT));
        assertFalse(byCategory.containsKey(Category.MONITORING), "monitoring has its own page");
        assertFalse(byCategory.containsKey(Category.EXTRAS), "Homepage is switched on by the Monitoring page");
        assertTrue(vm.card("sonarr").description().startsWith("Sonarr watches"));
    }

    @Test
    void choosingAnAppAddsWhatItNeedsWithTheReason() {
        vm.enter();
        vm.card("sonarr").chosenProperty().set(true);
        assertEquals(List.of("sonarr"), ctx.model().servicesProperty().get());
        AppCard qbit = vm.card("qbittorrent");
        assertTrue(qbit.addedProperty().get());
        assertEquals("Added for Sonarr: Sonarr hands every episode it finds to a download client.", qbit.noteProperty().get());
        assertTrue(vm.isValid());
        assertEquals("Sonarr + 1 added", vm.summaryProperty().get());

        vm.card("transmission").chosenProperty().set(true);
        assertFalse(qbit.addedProperty().get(), "a chosen download client satisfies Sonarr");
        assertEquals("", qbit.noteProperty().get());
        assertEquals("Sonarr, Transmission", vm.summaryProperty().get());
    }

    @Test
    void theMemoryEstimateCountsWhatIsAddedToo() {
        vm.enter();
        vm.card("sonarr").chosenProperty().set(true);
        int expected = vm.card("sonarr").ramMb() + vm.card("qbittorrent").ramMb();
        assertTrue(vm.ramTextProperty().get().startsWith("About " + Math.round(expected * 1024 * 1024 / 1e6) + " MB of memory for 2 apps"),
                vm.ramTextProperty().get());
    }

    @Test
    void answersLoadedLaterTickTheCards() {
        vm.enter();
        ctx.model().setServices(List.of("jellyfin", "radarr"));
        assertTrue(vm.card("jellyfin").chosenProperty().get());
        assertTrue(vm.card("radarr").chosenProperty().get());
        assertFalse(vm.card("plex").chosenProperty().get());
        assertTrue(vm.isValid());
    }

    @Test
    void aProblemBelongingToAnotherPageStaysThere() {
        // The validator checks catalog rules once the rest of the draft is good, as it is by the Apps page.
        ctx.model().setStorage(new dev.berth.answers.StorageAnswers("/opt/berth", "/srv/media", "/opt/berth/config",
                1000, 1000, "UTC", false));
        vm.enter();
        ctx.model().setMonitoring(new dev.berth.answers.MonitoringAnswers(false, true, false, false,
                dev.berth.answers.MonitoringAnswers.Watchtower.OFF));
        vm.card("jellyfin").chosenProperty().set(true);
        // "Tautulli only reports on Plex" is reported on monitoring.tautulli: the Monitoring page shows it.
        assertTrue(vm.isValid());
        assertEquals("", vm.problemProperty().get());
    }
}

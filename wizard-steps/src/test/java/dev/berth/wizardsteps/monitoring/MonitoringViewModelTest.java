package dev.berth.wizardsteps.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.MonitoringAnswers;
import dev.berth.answers.MonitoringAnswers.Watchtower;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.testing.Drafts;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.testing.TestContexts;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitoringViewModelTest {
    private final StepContext ctx = TestContexts.create(new ScriptedDialogs());
    private final MonitoringViewModel vm = new MonitoringViewModel(ctx);

    @Test
    void nothingExtraIsAGoodAnswer() {
        Drafts.upToApps(ctx, "jellyfin");
        vm.enter();
        assertTrue(vm.isValid());
        assertEquals("None", vm.summaryProperty().get());
        assertEquals(MonitoringAnswers.NONE, ctx.model().monitoringProperty().get());
    }

    @Test
    void theChoicesReachTheDraftAndTheSummary() {
        Drafts.upToApps(ctx, "jellyfin");
        vm.enter();
        vm.extraProperty(Extra.PROMETHEUS).set(true);
        vm.extraProperty(Extra.HOMEPAGE).set(true);
        vm.watchtowerProperty().set(Watchtower.NOTIFY);
        assertEquals(new MonitoringAnswers(true, false, false, true, Watchtower.NOTIFY), ctx.model().monitoringProperty().get());
        assertEquals("Prometheus & Grafana, Homepage, update reports", vm.summaryProperty().get());
        assertTrue(vm.isValid());
    }

    @Test
    void tautulliIsOfferedOnlyWithPlex() {
        Drafts.upToApps(ctx, "jellyfin");
        vm.enter();
        assertFalse(vm.tautulliOfferedProperty().get());
        ctx.model().setServices(List.of("plex"));
        assertTrue(vm.tautulliOfferedProperty().get());
        vm.extraProperty(Extra.TAUTULLI).set(true);
        assertTrue(vm.isValid());

        ctx.model().setServices(List.of("jellyfin"));
        assertTrue(vm.tautulliOfferedProperty().get(), "still shown, so it can be turned off");
        assertEquals("Tautulli only reports on Plex: choose Plex on the Apps screen, or turn Tautulli off",
                vm.messageProperty("tautulli").get());
        assertFalse(vm.isValid());
        vm.extraProperty(Extra.TAUTULLI).set(false);
        assertFalse(vm.tautulliOfferedProperty().get());
        assertTrue(vm.isValid());
    }

    @Test
    void answersLoadedLaterFillThePage() {
        Drafts.upToApps(ctx, "plex");
        ctx.model().setMonitoring(new MonitoringAnswers(false, true, true, false, Watchtower.UPDATE));
        assertTrue(vm.extraProperty(Extra.TAUTULLI).get());
        assertEquals(Watchtower.UPDATE, vm.watchtowerProperty().get());
        assertEquals("Tautulli, Uptime Kuma, automatic updates", vm.summaryProperty().get(), "before the page is opened");
        vm.enter();
        assertTrue(vm.isValid());
    }

    @Test
    void eachOptionSaysWhatMemoryItTakes() {
        Drafts.upToApps(ctx, "jellyfin");
        assertEquals("≈ 200 MB", vm.memory(Extra.UPTIME_KUMA));
        assertTrue(vm.memory(Extra.PROMETHEUS).matches("≈ \\d+ MB, and \\d+ MB per \\*arr app"),
                vm.memory(Extra.PROMETHEUS));
    }
}

package dev.berth.wizardsteps;

import dev.berth.wizardsteps.access.AccessView;
import dev.berth.wizardsteps.access.AccessViewModel;
import dev.berth.wizardsteps.apps.AppsView;
import dev.berth.wizardsteps.apps.AppsViewModel;
import dev.berth.wizardsteps.checks.ChecksView;
import dev.berth.wizardsteps.checks.ChecksViewModel;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.monitoring.MonitoringView;
import dev.berth.wizardsteps.monitoring.MonitoringViewModel;
import dev.berth.wizardsteps.storage.StorageView;
import dev.berth.wizardsteps.storage.StorageViewModel;
import dev.berth.wizardsteps.target.TargetView;
import dev.berth.wizardsteps.target.TargetViewModel;
import dev.berth.wizardsteps.vpn.VpnView;
import dev.berth.wizardsteps.vpn.VpnViewModel;
import dev.berth.wizardsteps.welcome.WelcomeView;
import dev.berth.wizardsteps.welcome.WelcomeViewModel;
import java.util.List;

/**
 * The wizard's steps in order: the one list. Adding a step is one line here (its ViewModel and
 * View constructors); the shell, the sidebar and Back/Next follow.
 */
public final class WizardSteps {
    private WizardSteps() {
    }

    public static List<WizardStep<?>> all(StepContext ctx) {
        return List.of(
                WizardStep.of(new WelcomeViewModel(ctx), WelcomeView::new),
                WizardStep.of(new TargetViewModel(ctx), TargetView::new),
                WizardStep.of(new ChecksViewModel(ctx), ChecksView::new),
                WizardStep.of(new StorageViewModel(ctx), StorageView::new),
                WizardStep.of(new AppsViewModel(ctx), AppsView::new),
                WizardStep.of(new VpnViewModel(ctx), VpnView::new),
                WizardStep.of(new AccessViewModel(ctx), AccessView::new),
                WizardStep.of(new MonitoringViewModel(ctx), MonitoringView::new)
                // 9 Review, 10 Deploy, 11 Done: one line each, here.
        );
    }
}

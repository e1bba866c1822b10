package dev.berth.wizardsteps;

import dev.berth.wizardsteps.access.AccessView;
import dev.berth.wizardsteps.access.AccessViewModel;
import dev.berth.wizardsteps.apps.AppsView;
import dev.berth.wizardsteps.apps.AppsViewModel;
import dev.berth.wizardsteps.backups.BackupsView;
import dev.berth.wizardsteps.backups.BackupsViewModel;
import dev.berth.wizardsteps.checks.ChecksView;
import dev.berth.wizardsteps.checks.ChecksViewModel;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.deploy.DeployView;
import dev.berth.wizardsteps.deploy.DeployViewModel;
import dev.berth.wizardsteps.done.DoneView;
import dev.berth.wizardsteps.done.DoneViewModel;
import dev.berth.wizardsteps.monitoring.MonitoringView;
import dev.berth.wizardsteps.monitoring.MonitoringViewModel;
import dev.berth.wizardsteps.review.ReviewView;
import dev.berth.wizardsteps.review.ReviewViewModel;
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
        DeploySession deploy = new DeploySession(ctx.backend());
        ReviewViewModel review = new ReviewViewModel(ctx, deploy);
        List<WizardStep<?>> steps = List.of(
                WizardStep.of(new WelcomeViewModel(ctx), WelcomeView::new),
                WizardStep.of(new TargetViewModel(ctx), TargetView::new),
                WizardStep.of(new ChecksViewModel(ctx), ChecksView::new),
                WizardStep.of(new StorageViewModel(ctx), StorageView::new),
                WizardStep.of(new AppsViewModel(ctx), AppsView::new),
                WizardStep.of(new VpnViewModel(ctx), VpnView::new),
                WizardStep.of(new AccessViewModel(ctx), AccessView::new),
                WizardStep.of(new MonitoringViewModel(ctx), MonitoringView::new),
                WizardStep.of(new BackupsViewModel(ctx), BackupsView::new),
                WizardStep.of(review, ReviewView::new),
                WizardStep.of(new DeployViewModel(ctx, deploy), DeployView::new),
                WizardStep.of(new DoneViewModel(ctx, deploy), DoneView::new));
        review.reviewing(steps.stream().<StepViewModel>map(WizardStep::viewModel).takeWhile(s -> s != review).toList());
        return steps;
    }
}

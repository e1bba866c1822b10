package dev.berth.wizardsteps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.answers.Answers;
import dev.berth.answers.TargetAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.RequiresDocker;
import dev.berth.engine.check.CheckResult;
import dev.berth.engine.check.Status;
import dev.berth.engine.deploy.DeployOutcome;
import dev.berth.engine.deploy.DeployPreview;
import dev.berth.engine.deploy.DeployReport;
import dev.berth.engine.health.ServiceState;
import dev.berth.engine.deploy.DeploymentResult;
import dev.berth.engine.target.LocalTarget;
import dev.berth.engine.target.Target;
import dev.berth.testsupport.Examples;
import dev.berth.testsupport.NeedsDocker;
import dev.berth.wizardsteps.access.AccessViewModel;
import dev.berth.wizardsteps.apps.AppsViewModel;
import dev.berth.wizardsteps.backups.BackupsViewModel;
import dev.berth.wizardsteps.checks.ChecksViewModel;
import dev.berth.wizardsteps.core.CurrentThreadTaskRunner;
import dev.berth.wizardsteps.core.DeploySession;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.StepViewModel;
import dev.berth.wizardsteps.core.WizardBackend;
import dev.berth.wizardsteps.core.WizardModel;
import dev.berth.wizardsteps.deploy.DeployViewModel;
import dev.berth.wizardsteps.done.DoneViewModel;
import dev.berth.wizardsteps.done.ServiceLink;
import dev.berth.wizardsteps.monitoring.MonitoringViewModel;
import dev.berth.wizardsteps.review.ReviewViewModel;
import dev.berth.wizardsteps.storage.StorageViewModel;
import dev.berth.wizardsteps.target.TargetViewModel;
import dev.berth.wizardsteps.testing.ScriptedDialogs;
import dev.berth.wizardsteps.vpn.VpnViewModel;
import dev.berth.wizardsteps.welcome.WelcomeViewModel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example answers file opened as {@code berth --answers FILE} does, then walked through
 * all twelve steps' ViewModels in the wizard's own order ({@link WizardSteps#all}): each step
 * takes the file as it is, and at the end the draft is still exactly the file's answers.
 *
 * <p>Real parts where they run here: the catalog, validator, planner and renderer, the system
 * checks and the Review page's preview on this computer (which asks the Docker engine for the
 * stack's containers; the examples' stack folders do not exist here, so each preview is a first
 * install and nothing is written). Two stand-ins: whatever target a file names is opened as this
 * computer (the remote example's nas.local is not reachable), and the deploy itself is recorded
 * as having succeeded instead of run, since it would write into the examples' folders and
 * download images no registry here serves: the Deploy page is not entered (that starts the
 * deploy); the test checks the preview it would take is of the file's answers.
 */
@NeedsDocker
class ExamplesThroughEveryStepTest {
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private StepContext ctx;
    private DeploySession session;

    @AfterEach
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    static List<String> examples() {
        return Examples.names();
    }

    /** The real backend, but every target is this computer (the remote example's server does not exist). */
    private WizardBackend thisComputerForEveryTarget() {
        WizardBackend real = WizardBackend.standard();
        return new WizardBackend() {
            @Override
            public Catalog catalog() {
                return real.catalog();
            }

            @Override
            public Target open(TargetAnswers target, Login login) {
                return new LocalTarget();
            }
        };
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyStepTakesTheFileAsItIs(String example) {
        RequiresDocker.engine();
        Answers file = Examples.answers(example);
        ctx = StepContext.create(thisComputerForEveryTarget(), new CurrentThreadTaskRunner(), dialogs);
        // As the app does for --answers FILE (WizardWindow.open): the Welcome page reads it.
        ctx.model().setStart(WizardModel.Start.ANSWERS_FILE);
        ctx.model().setAnswersFile(Examples.file(example));
        session = new DeploySession(ctx.backend());
        List<StepViewModel> steps = steps();
        assertEquals(wizardsOwnSteps(), steps.stream().map(Object::getClass).toList(), "the wizard's steps, in its order");

        for (StepViewModel step : steps) {
            if (step instanceof DeployViewModel) {
                deployed(); // entering it would deploy for real
                continue;
            }
            step.enter();
            assertTakesTheAnswers(step, example);
            assertEquals(file, ctx.model().answers(), "the draft after " + step.title() + " in " + example);
            step.leave();
        }
        assertEquals(file, ctx.model().answers(), example + " at the end");
    }

    /** The classes of the steps {@link WizardSteps#all} makes, from a context of their own (so they never see this test's draft). */
    private List<Class<?>> wizardsOwnSteps() {
        StepContext own = StepContext.create(thisComputerForEveryTarget(), new CurrentThreadTaskRunner(), new ScriptedDialogs());
        try {
            return WizardSteps.all(own).stream().<Class<?>>map(s -> s.viewModel().getClass()).toList();
        } finally {
            own.close();
        }
    }

    /**
     * The steps as {@link WizardSteps#all} makes them, with the deploy session in reach (the
     * test records the deploy in it); the test above checks the two lists agree.
     */
    private List<StepViewModel> steps() {
        ReviewViewModel review = new ReviewViewModel(ctx, session);
        List<StepViewModel> steps = List.of(new WelcomeViewModel(ctx), new TargetViewModel(ctx), new ChecksViewModel(ctx),
                new StorageViewModel(ctx), new AppsViewModel(ctx), new VpnViewModel(ctx), new AccessViewModel(ctx),
                new MonitoringViewModel(ctx), new BackupsViewModel(ctx), review, new DeployViewModel(ctx, session), new DoneViewModel(ctx, session));
        review.reviewing(steps.subList(0, steps.indexOf(review)));
        return steps;
    }

    /** The test's one contact with each step: what "takes the answers, nothing to fix, Next is open" means there. */
    private void assertTakesTheAnswers(StepViewModel step, String example) {
        String where = step.title() + " with " + example + ": " + step.summaryProperty().get();
        switch (step) {
            case WelcomeViewModel welcome -> {
                assertFalse(welcome.fileFailedProperty().get(), welcome.fileMessageProperty().get());
                assertTrue(welcome.fileMessageProperty().get().endsWith("Check each page and change what you like."),
                        welcome.fileMessageProperty().get());
                assertTrue(welcome.isValid(), where);
            }
            case TargetViewModel target -> {
                assertEquals("", target.generalMessageProperty().get(), where);
                assertTrue(target.isValid(), where);
            }
            case ChecksViewModel checks -> {
                // Whether Next opens here depends on this computer (its ports, memory, Docker),
                // not on the file: what the file decides is that the checks ran with its plan.
                assertTrue(ctx.checks().plannedProperty().get(), "the checks ran without a plan: " + where);
                List<CheckResult> needingAnswers = ctx.checks().results().values().stream()
                        .filter(r -> r.status() == Status.SKIP && r.summary().contains("Runs once")).toList();
                assertEquals(List.of(), needingAnswers, where);
                assertEquals(ctx.checks().checks().size(), ctx.checks().results().size(), "every check reported: " + where);
                assertFalse(checks.busyProperty().get(), where);
            }
            case StorageViewModel storage -> {
                assertEquals("", storage.projectNameMessageProperty().get(), where);
                assertTrue(storage.isValid(), where);
            }
            case AppsViewModel apps -> {
                assertEquals("", apps.problemProperty().get(), where);
                assertTrue(apps.isValid(), where);
            }
            case VpnViewModel vpn -> {
                assertEquals("", vpn.generalMessageProperty().get(), where);
                assertTrue(vpn.isValid(), where);
            }
            case AccessViewModel access -> {
                assertEquals("", access.generalMessageProperty().get(), where);
                assertTrue(access.isValid(), where);
            }
            case MonitoringViewModel monitoring -> {
                assertEquals("", monitoring.generalMessageProperty().get(), where);
                assertTrue(monitoring.isValid(), where);
            }
            case BackupsViewModel backups -> {
                assertEquals("", backups.generalMessageProperty().get(), where);
                assertTrue(backups.isValid(), where + " " + backups.missingProperty().get());
            }
            case ReviewViewModel review -> {
                assertEquals(ReviewViewModel.State.READY, review.stateProperty().get(), review.messageProperty().get());
                assertTrue(review.firstInstallProperty().get(), review.messageProperty().get());
                assertTrue(review.isValid(), where);
            }
            case DoneViewModel done -> {
                assertTrue(done.isValid(), where);
                List<String> shown = done.services().stream().map(ServiceLink::name).toList();
                List<String> planned = ctx.model().answers().services().stream()
                        .map(id -> ctx.backend().catalog().get(id).name()).toList();
                assertTrue(shown.containsAll(planned), "Done lists every chosen app: " + shown + " / " + planned);
            }
            default -> throw new AssertionError("a step this test does not know yet: " + step.title());
        }
    }

    /**
     * The stand-in for the Deploy page running the deploy: the preview Review handed over (made
     * from the file's answers), recorded as deployed with every service healthy, as the page
     * records a real one.
     */
    private void deployed() {
        DeploySession.Reviewed reviewed = session.takeReviewed().orElseThrow(() -> new AssertionError("Review handed Deploy no preview"));
        assertEquals(ctx.model().answers(), reviewed.answers(), "the preview Deploy takes is of the file's answers");
        DeployPreview preview = reviewed.preview();
        List<DeployReport.ServiceReport> healthy = preview.plan().services().stream()
                .map(s -> new DeployReport.ServiceReport(s.name(), ServiceState.HEALTHY, "",
                        s.hostWebPort() == 0 ? null : "http://localhost:" + s.hostWebPort() + "/", List.of(), true)).toList();
        session.finished(new DeploySession.Deployed(reviewed, new DeployOutcome(new DeploymentResult.Succeeded(preview.jobs()),
                Optional.of(new DeployReport(healthy)), Optional.empty())));
    }
}

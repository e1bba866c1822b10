package dev.berth.wizardsteps.testing;

import dev.berth.answers.TargetAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.deploy.DeployOptions;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.wizardsteps.core.CurrentThreadTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardBackend;
import java.util.function.Supplier;

/** A step context for ViewModel tests: the real backend, tasks on the test's thread, scripted dialogs. */
public final class TestContexts {
    private TestContexts() {
    }

    public static StepContext create(ScriptedDialogs dialogs) {
        return StepContext.create(WizardBackend.standard(), new CurrentThreadTaskRunner(), dialogs);
    }

    /**
     * The same with the deploy options a test wants (a short health wait, logs in a temp folder),
     * asked for when a deploy starts, so a test may name a {@code @TempDir} that is injected later.
     */
    public static StepContext create(ScriptedDialogs dialogs, Supplier<DeployOptions> options) {
        WizardBackend real = WizardBackend.standard();
        WizardBackend backend = new WizardBackend() {
            @Override
            public Catalog catalog() {
                return real.catalog();
            }

            @Override
            public Target open(TargetAnswers target, Login login) throws TargetException {
                return real.open(target, login);
            }

            @Override
            public DeployOptions deployOptions() {
                return options.get();
            }
        };
        return StepContext.create(backend, new CurrentThreadTaskRunner(), dialogs);
    }
}

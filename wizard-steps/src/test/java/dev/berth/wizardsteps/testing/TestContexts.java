package dev.berth.wizardsteps.testing;

import dev.berth.wizardsteps.core.CurrentThreadTaskRunner;
import dev.berth.wizardsteps.core.StepContext;
import dev.berth.wizardsteps.core.WizardBackend;

/** A step context for ViewModel tests: the real backend, tasks on the test's thread, scripted dialogs. */
public final class TestContexts {
    private TestContexts() {
    }

    public static StepContext create(ScriptedDialogs dialogs) {
        return StepContext.create(WizardBackend.standard(), new CurrentThreadTaskRunner(), dialogs);
    }
}

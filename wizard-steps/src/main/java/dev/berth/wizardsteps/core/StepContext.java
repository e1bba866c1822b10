package dev.berth.wizardsteps.core;

/**
 * What every step's ViewModel gets: the shared draft, the task runner, the dialogs, the backend,
 * and the shared services built on them (the connected target, the system checks, and the
 * checks of every machine of a stack on several).
 */
public record StepContext(WizardModel model, TaskRunner tasks, DialogService dialogs, WizardBackend backend,
                          TargetSession target, SystemChecks checks,
                          HostChecks hostChecks) {

    /** Wires the shared services together. */
    public static StepContext create(WizardBackend backend, TaskRunner tasks, DialogService dialogs) {
        WizardModel model = new WizardModel();
        TargetSession target = new TargetSession(backend, tasks, dialogs);
        SystemChecks checks = new SystemChecks(model, target, backend, tasks);
        HostChecks hostChecks = new HostChecks(model, backend, tasks, dialogs);
        return new StepContext(model, tasks, dialogs, backend, target, checks, hostChecks);
    }

    /** Cancels everything running and lets go of the target: when the wizard closes. */
    public void close() {
        checks.close();
        hostChecks.close();
        target.close();
        tasks.close();
    }
}

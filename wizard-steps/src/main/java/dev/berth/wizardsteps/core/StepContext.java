package dev.berth.wizardsteps.core;

/**
 * What every step's ViewModel gets: the shared draft, the task runner, the dialogs, the backend,
 * and the two shared services built on them (the connected target and the system checks).
 */
public record StepContext(WizardModel model, TaskRunner tasks, DialogService dialogs, WizardBackend backend,
                          TargetSession target, SystemChecks checks) {

    /** Wires the shared services together. */
    public static StepContext create(WizardBackend backend, TaskRunner tasks, DialogService dialogs) {
        WizardModel model = new WizardModel();
        TargetSession target = new TargetSession(backend, tasks, dialogs);
        SystemChecks checks = new SystemChecks(model, target, backend, tasks);
        return new StepContext(model, tasks, dialogs, backend, target, checks);
    }

    /** Cancels everything running and lets go of the target: when the wizard closes. */
    public void close() {
        checks.close();
        target.close();
        tasks.close();
    }
}

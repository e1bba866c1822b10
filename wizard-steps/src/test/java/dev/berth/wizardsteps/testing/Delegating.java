package dev.berth.wizardsteps.testing;

import dev.berth.answers.TargetAnswers;
import dev.berth.catalog.Catalog;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.wizardsteps.core.WizardBackend;

/**
 * A backend that takes its catalog and targets from another one (the standard backend, unless
 * given), for tests that change only what they override: the checks, the deploy options.
 */
public abstract class Delegating implements WizardBackend {
    protected final WizardBackend real;

    protected Delegating() {
        this(WizardBackend.standard());
    }

    protected Delegating(WizardBackend real) {
        this.real = real;
    }

    @Override
    public Catalog catalog() {
        return real.catalog();
    }

    @Override
    public Target open(TargetAnswers target, Login login) throws TargetException {
        return real.open(target, login);
    }
}

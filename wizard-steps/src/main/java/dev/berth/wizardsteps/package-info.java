/**
 * The wizard's steps. {@link dev.berth.wizardsteps.WizardSteps} lists them in order; each step is
 * a sub-package with a View (JavaFX nodes, built in code) and a ViewModel (javafx.beans only).
 * The shared model, the step contract and the task and dialog interfaces are in {@code core};
 * helpers for Views are in {@code view}.
 */
package dev.berth.wizardsteps;

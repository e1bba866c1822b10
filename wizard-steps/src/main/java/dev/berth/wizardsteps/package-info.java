/**
 * The wizard's steps, one sub-package each with a View and a ViewModel.
 *
 * <p>Filled in by the wizard issue; the module exists now so the reactor and its dependency
 * rules are in place from the start.
 */
package dev.berth.wizardsteps;

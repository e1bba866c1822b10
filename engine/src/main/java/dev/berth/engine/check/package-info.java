/**
 * System checks: whether a target can run the stack a person is choosing, and what to do when
 * it cannot. Each check is a small class reading facts gathered once from the target; a runner
 * starts them in parallel, streams results, and re-runs only those whose inputs changed.
 */
package dev.berth.engine.check;

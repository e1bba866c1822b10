/**
 * Targets (this computer, or a server over SSH), system checks, deploy jobs with undo, the health
 * monitor and the stack's state on disk. Plain Java: no JavaFX here.
 *
 * <p>Filled in by the targets, checks and deploy issues; the module exists now so the reactor
 * and its dependency rules are in place from the start.
 */
package dev.berth.engine;

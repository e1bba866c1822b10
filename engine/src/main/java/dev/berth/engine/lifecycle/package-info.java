/**
 * Stopping, starting and removing a deployed stack ({@link dev.berth.engine.lifecycle.StackLifecycle}),
 * on this computer or over SSH, through the stack's own Compose and under its deploy lock. Removing
 * never touches the data tree; the stack's config goes only with a typed confirmation
 * ({@link dev.berth.engine.lifecycle.ConfigPurge}).
 */
package dev.berth.engine.lifecycle;

/**
 * Image updates Berth can undo: finding newer tags on each image's track in its registry
 * ({@link dev.berth.engine.update.UpdateFinder}), and applying them like a deploy, pinned by digest,
 * gated on health, rolled back to the previous digests when the new ones fail.
 */
package dev.berth.engine.update;

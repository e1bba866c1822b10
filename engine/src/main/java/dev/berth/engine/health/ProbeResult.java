package dev.berth.engine.health;

import java.time.Instant;

/**
 * One HTTP probe of a service's web port, made from the target itself.
 *
 * @param ok     the page answered with a success status
 * @param url    what was asked for, e.g. {@code http://127.0.0.1:8096/health}
 * @param detail why it failed (the tool's message), or empty when it passed
 * @param at     when the probe finished
 */
public record ProbeResult(boolean ok, String url, String detail, Instant at) {
}

package dev.berth.render;

import dev.berth.plan.StackPlan;

/**
 * One host's part of a multi-host stack (issue 17): a Compose project of its own, written to the
 * stack folder on that host.
 *
 * @param host     the host's name from {@code hosts:}
 * @param plan     the whole plan with only this host's services (answers and secrets whole), what the
 *                 deploy's jobs on that host (pull, up, health) work from
 * @param rendered the files for that host's stack folder: compose.yaml with only its services, joined
 *                 to the stack's overlay network
 */
public record HostShare(String host, StackPlan plan, RenderedStack rendered) {
}

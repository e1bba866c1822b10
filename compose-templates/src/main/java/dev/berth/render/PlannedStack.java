package dev.berth.render;

import dev.berth.plan.StackPlan;

/**
 * What answers become on their way to a stack folder: the plan (what runs, its ports, why it
 * was added, its secrets) and the files rendered from it.
 */
public record PlannedStack(StackPlan plan, RenderedStack rendered) {
}

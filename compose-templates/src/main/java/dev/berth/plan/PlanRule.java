package dev.berth.plan;

import dev.berth.answers.RuleId;

/** The rules only planning can check (valid answers that still cannot become a stack). */
public enum PlanRule implements RuleId {
    /** A chosen host port another service already publishes. */
    PORT_TAKEN,
    /** No free host port left above the one a service wants. */
    NO_FREE_PORT,
    /** Two chosen services the catalog says cannot run together. */
    CONFLICTING_SERVICES,
    /** The catalog makes services wait for each other in a circle. */
    DEPENDENCY_CYCLE,
    /** A secret the stack needs was neither typed nor kept from the stack being changed. */
    SECRET_REQUIRED,
    /** Port forwarding with a provider that forwards only to a marked OpenVPN user (ProtonVPN's +pmp), and the user is not. */
    OPENVPN_USER_SUFFIX
}

package dev.berth.plan;

import dev.berth.answers.RuleId;

/** The rules only placing a stack across several hosts can check ({@link HostPlacer}). */
public enum PlacementRule implements RuleId {
    /** A pin naming a service the plan does not hold. */
    PIN_NOT_IN_STACK,
    /** A pin against a hard rule: away from the data, from Gluetun, from a service it must share a host with, or from /dev/dri. */
    PIN_BREAKS_RULE,
    /** Two pins that put services which must share a host on different hosts. */
    PINS_DISAGREE,
    /** Hardware transcoding asked, and no host that may run the media server has /dev/dri. */
    NO_RENDER_DEVICE
}

package dev.berth.wizardsteps.core;

/** A step's state in the sidebar. */
public enum StepStatus {
    /** Not reached yet, or being filled in for the first time. */
    NOT_VISITED("Not visited"),
    /** Visited, and its answers are good. */
    COMPLETE("Complete"),
    /** Visited, and something there must be fixed before going on. */
    NEEDS_ATTENTION("Needs attention");

    private final String label;

    StepStatus(String label) {
        this.label = label;
    }

    /** For screen readers and tooltips. */
    public String label() {
        return label;
    }
}

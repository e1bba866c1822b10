package dev.berth.engine.check;

/** How a check came out, from best to worst (SKIP: it did not apply). */
public enum Status {
    PASS, SKIP, WARN, FAIL;

    /** The worse of two, for a check that combines several findings. */
    public Status worst(Status other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}

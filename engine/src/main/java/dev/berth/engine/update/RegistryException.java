package dev.berth.engine.update;

/** A registry did not answer what was asked; the message is a sentence for the person. */
public final class RegistryException extends Exception {
    private final boolean unreachable;

    RegistryException(String message, boolean unreachable) {
        super(message);
        this.unreachable = unreachable;
    }

    /** True when the registry could not be reached at all, so asking it about the next image is pointless. */
    boolean unreachable() {
        return unreachable;
    }
}

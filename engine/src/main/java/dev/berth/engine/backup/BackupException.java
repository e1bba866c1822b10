package dev.berth.engine.backup;

/**
 * A backup or restore that could not be done, with a message that says what to do about it.
 */
public final class BackupException extends Exception {
    public enum Reason {
        /** The stack's answers turn backups off. */
        NOT_CONFIGURED,
        /** restic cannot open the repository with the stack's password. */
        WRONG_PASSWORD,
        /** Nothing at the repository's address is a restic repository (a disk not mounted, a typo). */
        NO_REPOSITORY,
        /** The repository's host or bucket did not answer, or refused the sign-in. */
        UNREACHABLE,
        /** Another restic holds the repository. */
        LOCKED,
        /** The snapshot asked for is not in the repository (or it holds none yet). */
        NO_SNAPSHOT,
        /** Anything else restic or Docker reported. */
        FAILED
    }

    private final Reason reason;

    public BackupException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

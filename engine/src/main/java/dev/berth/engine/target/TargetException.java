package dev.berth.engine.target;

/**
 * Something on the way to the target failed. The message says what happened and what to do,
 * in words for the person; the reason lets callers (and tests) tell the cases apart.
 */
public final class TargetException extends Exception {
    public enum Reason {
        /** The host name does not resolve, or no route to it. */
        UNREACHABLE,
        /** Nothing listens on the port. */
        REFUSED,
        /** No answer in time. */
        TIMEOUT,
        /** The server did not accept the user name, password or key. */
        AUTH_FAILED,
        /** The key file cannot be read or its passphrase is wrong. */
        KEY_UNREADABLE,
        /** The server's host key is not known yet and the person did not accept it. */
        HOST_KEY_UNKNOWN,
        /** The server's host key differs from the one remembered: possibly not the same server. */
        HOST_KEY_CHANGED,
        /** The docker command is not installed on the target. */
        DOCKER_MISSING,
        /** Docker is installed but this user may not use it. */
        DOCKER_DENIED,
        /** The Docker engine does not answer. */
        DOCKER_UNREACHABLE,
        /** The Docker engine is older than Berth supports. */
        DOCKER_TOO_OLD,
        /** A file operation failed (permission, missing folder, disk full). */
        FILE,
        /** The connection broke while working. */
        CONNECTION_LOST,
        /** "This computer" chosen where the stack cannot run: a Windows or macOS desktop. */
        UNSUPPORTED_DESKTOP,
        /** Anything else. */
        OTHER
    }

    private final Reason reason;

    public TargetException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TargetException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

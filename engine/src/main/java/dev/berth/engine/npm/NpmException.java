package dev.berth.engine.npm;

/**
 * Nginx Proxy Manager's API could not be reached or said no. The message is for the person; it
 * never holds a password or token (NPM's own error text does not echo them, and Berth never
 * adds a request body to a message).
 */
public class NpmException extends Exception {
    /** No HTTP status: the request did not get an answer. */
    public static final int NO_ANSWER = 0;

    private final int status;

    public NpmException(int status, String message) {
        super(message);
        this.status = status;
    }

    public NpmException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status NPM answered with, or {@link #NO_ANSWER}. */
    public int status() {
        return status;
    }

    /** NPM is not (yet) answering properly: no connection, or its nginx has no backend behind it yet. */
    public boolean notReady() {
        return status == NO_ANSWER || status == 502 || status == 503 || status == 504;
    }
}

package dev.berth.engine.wire;

/**
 * A media server's API (Jellyfin, Emby) could not be reached or said no. The message names the
 * server, the call and the server's own words; it never holds a password, a token or a key.
 */
public class MediaServerException extends Exception {
    /** No HTTP status: the request got no answer. */
    public static final int NO_ANSWER = 0;

    private final int status;
    private final String reason;

    public MediaServerException(int status, String message, String reason, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.reason = reason == null ? "" : reason;
    }

    /** The HTTP status the server answered with, or {@link #NO_ANSWER}. */
    public int status() {
        return status;
    }

    /** The server's own words ("The specified path does not exist: /data/media/movies."), empty when it gave none. */
    public String reason() {
        return reason;
    }
}

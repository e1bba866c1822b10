package dev.berth.engine.wire;

/**
 * An *arr app's API could not be reached or said no. The message names the app, the call and
 * the app's own reason; it never holds the API key, a password or a request body (the apps'
 * validation messages name the setting, not the value that was sent).
 */
public class ArrException extends Exception {
    /** No HTTP status: the request got no answer. */
    public static final int NO_ANSWER = 0;

    private final int status;
    private final String reason;

    public ArrException(int status, String message, String reason) {
        super(message);
        this.status = status;
        this.reason = reason == null ? "" : reason;
    }

    public ArrException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.reason = "";
    }

    /** The HTTP status the app answered with, or {@link #NO_ANSWER}. */
    public int status() {
        return status;
    }

    /** The app's own words ("Host: Unable to connect to qBittorrent"), empty when it gave none. */
    public String reason() {
        return reason;
    }

    /** The app refused the request's content (HTTP 400 with its validation failures), as opposed to not answering or not letting Berth in. */
    public boolean refused() {
        return status == 400;
    }
}

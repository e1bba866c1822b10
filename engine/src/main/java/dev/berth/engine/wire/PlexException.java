package dev.berth.engine.wire;

/** Plex refused a call or did not answer; the message names the call and Plex's own words, never its token. */
public class PlexException extends Exception {
    /** No HTTP status: the request got no answer. */
    public static final int NO_ANSWER = 0;

    private final int status;

    public PlexException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status Plex answered with; {@link #NO_ANSWER} when it did not answer. */
    public int status() {
        return status;
    }
}

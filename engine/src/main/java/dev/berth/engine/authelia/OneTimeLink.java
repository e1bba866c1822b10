package dev.berth.engine.authelia;

import java.time.Instant;

/**
 * A one-time code or link Authelia sent when it has no mail server and writes its notifications to
 * a file on the server instead. Registering a second factor ("Register device") asks for a
 * one-time code, typed into the prompt Authelia shows in the browser; resetting a password sends a
 * link to open.
 *
 * @param url       where to use it: for a link, the link exactly as Authelia wrote it; for a code,
 *                  the sign-in portal's address (what Authelia's revocation link starts with)
 * @param code      the one-time code to type into Authelia's prompt; null for a link
 * @param recipient whom it was meant for, as Authelia wrote it ("\"Alice\" &lt;alice@example.com&gt;")
 * @param subject   what it is for, as Authelia wrote it ("Confirm your identity", "Reset your password")
 * @param sent      when Authelia wrote it; null when the file does not say
 */
public record OneTimeLink(String url, String code, String recipient, String subject, Instant sent) {
    /** A link to open (no code to type). */
    public OneTimeLink(String url, String recipient, String subject, Instant sent) {
        this(url, null, recipient, subject, sent);
    }

    /** True for a code to type into Authelia's prompt, false for a link to open. */
    public boolean isCode() {
        return code != null;
    }

    @Override
    public String toString() {
        return "OneTimeLink[" + subject + " for " + recipient + "]"; // the link opens an account: never logged
    }
}

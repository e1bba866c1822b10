package dev.berth.engine.authelia;

import java.time.Instant;

/**
 * A one-time link Authelia sent (to register a second factor, or to reset a password) when it has
 * no mail server and writes its notifications to a file on the server instead.
 *
 * @param url       the link to open, exactly as Authelia wrote it
 * @param recipient whom it was meant for, as Authelia wrote it ("alice &lt;alice@example.com&gt;")
 * @param subject   what it is for, as Authelia wrote it ("Confirm your identity")
 * @param sent      when Authelia wrote it; null when the file does not say
 */
public record OneTimeLink(String url, String recipient, String subject, Instant sent) {
    @Override
    public String toString() {
        return "OneTimeLink[" + subject + " for " + recipient + "]"; // the link opens an account: never logged
    }
}

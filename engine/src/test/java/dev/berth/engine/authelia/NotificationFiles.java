package dev.berth.engine.authelia;

import dev.berth.answers.AccessAnswers;
import dev.berth.answers.Answers;
import dev.berth.answers.StorageAnswers;
import dev.berth.plan.StackPlan;
import dev.berth.testsupport.Examples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the notification tests share: a stack with Authelia whose config folder is where the test
 * says, and Authelia 4.39.20's notification file as it writes it.
 *
 * <p>The {@code notification-*.txt} resources hold the exact bytes Authelia 4.39.20 writes, made
 * from its source at tag v4.39.20: the header of {@code internal/notification/const.go}
 * ({@code "Date: %s\nRecipient: %s\nSubject: %s\n"}, with Go's {@code time.Now()} and
 * {@code net/mail.Address} as {@code file_notifier.go} prints them), the text templates
 * {@code internal/templates/embed/notification/IdentityVerificationOTC.txt} (registering a device:
 * subject "Confirm your identity" from {@code handler_session_elevation.go}) and
 * {@code IdentityVerificationJWT.txt} (subject "Reset your password" from
 * {@code handler_reset_password.go}) filled in with sample values, then the blank line
 * {@code posixDoubleNewLine} ends. {@code notification-event.txt} is {@code Event.txt} with one
 * detail; its whitespace around the details loop is approximated (Berth only needs to see that it
 * carries no code or link).
 */
final class NotificationFiles {
    private NotificationFiles() {
    }

    /** The full example (Authelia, no mail server) with its folders under {@code root}. */
    static StackPlan plan(Path root) {
        return Examples.repeatablePlanner().plan(answers(root), Map.of());
    }

    static Answers answers(Path root) {
        Answers a = Examples.answers("full-wireguard");
        StorageAnswers s = a.storage();
        return a.withStorage(new StorageAnswers(root.resolve("stack").toString(), root.resolve("data").toString(),
                root.resolve("config").toString(), s.puid(), s.pgid(), s.timeZone(), false));
    }

    /** The same stack sending mail instead. */
    static StackPlan withSmtp(Path root) {
        Answers a = answers(root);
        AccessAnswers x = a.access();
        return Examples.repeatablePlanner().plan(a.withAccess(new AccessAnswers(x.mode(), x.domain(), x.letsEncrypt(), x.npm(),
                x.authelia().withSmtp(new AccessAnswers.Smtp("smtp.example.com", 465, null, null, "auth@example.com")),
                x.fail2ban())), Map.of());
    }

    static byte[] resource(String name) {
        try (InputStream in = NotificationFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

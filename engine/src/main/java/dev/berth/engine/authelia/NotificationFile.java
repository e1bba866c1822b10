package dev.berth.engine.authelia;

import dev.berth.engine.target.FileStat;
import dev.berth.engine.target.Target;
import dev.berth.engine.target.TargetException;
import dev.berth.plan.Mount;
import dev.berth.plan.PlannedService;
import dev.berth.plan.StackPlan;
import dev.berth.render.AutheliaConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authelia's notification file on the target ({@code <config>/authelia/notification.txt}), where
 * it writes the one-time codes and links it would have e-mailed when no mail server is set.
 *
 * <p>The format is Authelia 4.39's ({@code internal/notification/file_notifier.go} and
 * {@code const.go}): a header {@code "Date: %s\nRecipient: %s\nSubject: %s\n"} (Go's
 * {@code time.Now()} printed with its monotonic reading, {@code net/mail}'s quoted address), the
 * text template of the notification ({@code internal/templates/embed/notification/*.txt}), and a
 * blank line. Authelia truncates the file for each notification and empties it at every start, so
 * it holds one; should it ever hold several, the last is the newest.
 */
public final class NotificationFile {
    /** The first line of the text templates that carry something to use. */
    private static final String CODE_TITLE = "A ONE-TIME CODE HAS BEEN GENERATED TO COMPLETE A REQUESTED ACTION";
    private static final String LINK_TITLE = "A ONE-TIME LINK HAS BEEN GENERATED TO COMPLETE A REQUESTED ACTION";
    /** The line before the code in IdentityVerificationOTC.txt; the code follows the next separator. */
    private static final String CODE_INTRO = "The following one-time code should only be used in the prompt displayed in your browser.";
    /** The line before the link in IdentityVerificationJWT.txt. */
    private static final String LINK_INTRO = "If you made this request, click the validation link below.";
    private static final String REVOKE_INTRO = "To revoke the code, click the link below:";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4,64}");
    /** Go's Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST", then " m=+1.5" while the process runs. */
    private static final Pattern GO_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?) ([+-]\\d{2})(\\d{2}) \\S+(?: m=[+-][0-9.]+)?");

    private NotificationFile() {
    }

    /**
     * The newest one-time code or link in the stack's notification file. Empty when the stack has no
     * Authelia, when Authelia sends mail instead (a file left from before would be stale), when the
     * file is absent or empty (Authelia empties it when it starts), or when its newest notification
     * carries nothing to use (e.g. "Second Factor Method Added").
     *
     * @throws TargetException when the file is there but cannot be read; the message says what to do
     */
    public static Optional<OneTimeLink> newest(Target target, StackPlan plan) throws TargetException {
        if (plan.answers().access().authelia().smtp() != null) {
            return Optional.empty();
        }
        Optional<String> path = path(plan);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Optional<FileStat> stat = target.files().stat(path.get());
        if (stat.isEmpty() || stat.get().size() == 0) {
            return Optional.empty();
        }
        byte[] content;
        try {
            content = target.files().read(path.get());
        } catch (TargetException e) {
            if (e.reason() != TargetException.Reason.FILE) {
                throw e; // a lost connection says so itself
            }
            FileStat s = stat.get();
            throw new TargetException(TargetException.Reason.FILE, "Cannot read Authelia's notification file " + path.get()
                    + " on " + target.description() + ": Authelia writes it readable only by its owner (user id " + s.uid()
                    + ", the stack's PUID; mode " + String.format("%04o", s.mode()) + "). Connect as that user or as root, "
                    + "or read it on the server with: sudo cat " + path.get(), e);
        }
        return parse(new String(content, StandardCharsets.UTF_8));
    }

    /** Where the file is on the target: the host folder mounted where Authelia writes it; empty without Authelia. */
    public static Optional<String> path(StackPlan plan) {
        return plan.service("authelia").map(NotificationFile::hostPath);
    }

    private static String hostPath(PlannedService authelia) {
        String inContainer = AutheliaConfig.NOTIFICATION_FILE;
        Mount best = null;
        for (Mount m : authelia.mounts()) {
            if (m.type() == Mount.Type.BIND && inContainer.startsWith(m.target() + "/")
                    && (best == null || m.target().length() > best.target().length())) {
                best = m;
            }
        }
        if (best == null) {
            throw new IllegalStateException("Authelia's plan mounts no folder at " + inContainer);
        }
        return best.source() + inContainer.substring(best.target().length());
    }

    /** The newest notification's code or link; empty when it carries neither. */
    static Optional<OneTimeLink> parse(String text) {
        List<String> lines = text.lines().toList();
        int start = -1;
        for (int i = 0; i + 2 < lines.size(); i++) {
            if (lines.get(i).startsWith("Date: ") && lines.get(i + 1).startsWith("Recipient: ")
                    && lines.get(i + 2).startsWith("Subject: ")) {
                start = i;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        Instant sent = goTime(lines.get(start).substring("Date: ".length()));
        String recipient = lines.get(start + 1).substring("Recipient: ".length());
        String subject = lines.get(start + 2).substring("Subject: ".length());
        List<String> body = new ArrayList<>(lines.subList(start + 3, lines.size()));
        if (body.isEmpty()) {
            return Optional.empty();
        }
        if (body.getFirst().equals(CODE_TITLE)) {
            Optional<String> code = firstAfter(body, CODE_INTRO, 1).filter(c -> CODE.matcher(c).matches());
            Optional<String> portal = firstAfter(body, REVOKE_INTRO, 0).flatMap(NotificationFile::portalOf);
            if (code.isPresent() && portal.isPresent()) {
                return Optional.of(new OneTimeLink(portal.get(), code.get(), recipient, subject, sent));
            }
        } else if (body.getFirst().equals(LINK_TITLE)) {
            return firstAfter(body, LINK_INTRO, 0).filter(l -> l.startsWith("https://") || l.startsWith("http://"))
                    .map(link -> new OneTimeLink(link, recipient, subject, sent));
        }
        return Optional.empty();
    }

    /** The first non-blank line after {@code marker}, skipping {@code separators} lines of dashes first. */
    private static Optional<String> firstAfter(List<String> body, String marker, int separators) {
        int i = body.indexOf(marker);
        if (i < 0) {
            return Optional.empty();
        }
        int skip = separators;
        for (i++; i < body.size(); i++) {
            String line = body.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (skip > 0 && line.chars().allMatch(c -> c == '-')) {
                skip--;
                continue;
            }
            return Optional.of(line);
        }
        return Optional.empty();
    }

    /** The portal's address from Authelia's revocation link ({@code <portal>/revoke/one-time-code?id=…}). */
    private static Optional<String> portalOf(String revocationLink) {
        int at = revocationLink.indexOf("/revoke/");
        return at > 0 && revocationLink.startsWith("http") ? Optional.of(revocationLink.substring(0, at)) : Optional.empty();
    }

    private static Instant goTime(String value) {
        Matcher m = GO_TIME.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + m.group(3) + ":" + m.group(4)).toInstant();
    }
}

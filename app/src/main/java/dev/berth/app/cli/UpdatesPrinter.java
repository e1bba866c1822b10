package dev.berth.app.cli;

import dev.berth.engine.update.ImageStatus;
import dev.berth.engine.update.ImageUpdate;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Images lines of {@code berth status} (and what {@code berth update} would change): one line per
 * service with the tag it runs, its short digest and age, then either the newer tag with its digest,
 * age and release-notes link, "up to date", or why its registry could not be asked.
 */
public final class UpdatesPrinter {
    private UpdatesPrinter() {
    }

    public static void print(List<ImageStatus> statuses, PrintWriter out) {
        print(statuses, out, Clock.systemUTC());
    }

    /** @param clock what "now" is for the ages, so a test can hold it still */
    static void print(List<ImageStatus> statuses, PrintWriter out, Clock clock) {
        if (statuses.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        int width = statuses.stream().mapToInt(s -> s.service().length()).max().orElse(7);
        out.println("Images:");
        for (ImageStatus s : statuses) {
            StringBuilder line = new StringBuilder(String.format("  %-" + width + "s  %s", s.service(), s.image().tag()));
            line.append(describe(s.digest(), s.created(), now));
            if (s.unreachable().isPresent()) {
                line.append("  registry not reached: ").append(s.unreachable().get());
            } else if (s.update().isPresent()) {
                ImageUpdate u = s.update().get();
                line.append("  update: ").append(u.tag().equals(s.image().tag()) ? u.tag() + " (moved)" : "→ " + u.tag());
                line.append(describe(u.digest(), u.created(), now));
                if (u.releaseNotes() != null) {
                    line.append("  notes: ").append(u.releaseNotes());
                }
            } else {
                line.append("  up to date");
            }
            out.println(line);
        }
        out.flush();
    }

    /** " (sha256:0123456789ab, 3 days old)", or "" when neither is known. */
    private static String describe(String digest, Instant created, Instant now) {
        String d = digest == null ? null : shortDigest(digest);
        String age = created == null ? null : age(Duration.between(created, now));
        if (d == null && age == null) {
            return "";
        }
        return " (" + (d == null ? "" : d) + (d != null && age != null ? ", " : "") + (age == null ? "" : age) + ")";
    }

    static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        String hex = digest.substring(colon + 1);
        return digest.substring(0, colon + 1) + hex.substring(0, Math.min(12, hex.length()));
    }

    /** "built today", "1 day old", "12 days old", "3 months old", "2 years old". */
    static String age(Duration d) {
        long days = Math.max(0, d.toDays());
        if (days == 0) {
            return "built today";
        }
        if (days < 60) {
            return days + (days == 1 ? " day old" : " days old");
        }
        if (days < 730) {
            return days / 30 + " months old";
        }
        return days / 365 + " years old";
    }
}

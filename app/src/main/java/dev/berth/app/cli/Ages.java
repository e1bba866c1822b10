package dev.berth.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How long ago something happened, in the words a person reads at a glance ("3 hours ago"), and
 * the moment itself on this computer's clock, for the backup lines of {@code status}, {@code backups}
 * and {@code restore}.
 */
final class Ages {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Ages() {
    }

    /** "just now", "1 minute ago", "3 hours ago", "2 days ago", "5 weeks ago"; a time ahead of now (a skewed clock) is "just now". */
    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return plural(d.toMinutes(), "minute") + " ago";
        }
        if (d.toDays() < 1) {
            return plural(d.toHours(), "hour") + " ago";
        }
        if (d.toDays() < 14) {
            return plural(d.toDays(), "day") + " ago";
        }
        return plural(d.toDays() / 7, "week") + " ago";
    }

    /** "2026-12-05 04:30" in {@code zone}. */
    static String local(Instant when, ZoneId zone) {
        return LOCAL.format(when.atZone(zone));
    }

    /** "4 s", "2 min 5 s": how long apps were down. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 60 ? s + " s" : s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}

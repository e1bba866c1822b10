package dev.berth.engine.deploy;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Takes every secret's value out of a text before it is logged or shown. Longer values first, so
 * a secret that contains another is replaced whole. Values too short to be a generated secret
 * (under 6 characters) are left alone: replacing "1000" everywhere would make logs unreadable,
 * and nothing Berth generates is that short.
 */
public final class Redactor {
    public static final String MARK = "[redacted]";
    private static final int SHORTEST = 6;

    private final List<String> values;

    public Redactor(Collection<String> secrets) {
        this.values = secrets.stream().map(String::strip).filter(v -> v.length() >= SHORTEST).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, MARK);
        }
        return out;
    }
}

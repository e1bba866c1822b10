package dev.berth.engine.update;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of a repository's tags is the newest on the same track as the one a service runs: the same
 * shape (every run of digits replaced by {@code #}: {@code 4.0.15} is {@code #.#.#},
 * LinuxServer's {@code 4.0.15.2941-ls302} is {@code #.#.#.#-ls#}, redis' {@code 7.4-alpine} is
 * {@code #.#-alpine}), the same first number (a new major version breaks things, so it is the
 * person's choice, not an update), and higher numbers. A tag without digits ({@code latest},
 * {@code release}) has no track: it is updated when its digest moves. A pre-release
 * ({@code -beta}, {@code -rc}, {@code develop}, {@code nightly}, ...) is never offered for a stable tag.
 */
public final class SameTrack {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PRE_RELEASE = Pattern.compile(
            "alpha|beta|rc|pre|preview|dev|develop|development|nightly|unstable|testing|snapshot|canary|edge|next");
    private static final Pattern WORDS = Pattern.compile("[a-z]+");

    private SameTrack() {
    }

    /** Whether the tag names a version ({@code 4.0.15}) rather than a moving name ({@code latest}). */
    public static boolean isVersioned(String tag) {
        return DIGITS.matcher(tag).find();
    }

    /** The newest tag of {@code tags} on {@code current}'s track, newer than it; empty when there is none. */
    public static Optional<String> newest(String current, Collection<String> tags) {
        if (!isVersioned(current)) {
            return Optional.empty();
        }
        String shape = shape(current);
        List<Long> mine = numbers(current);
        boolean preRelease = isPreRelease(current);
        String best = null;
        List<Long> bestNumbers = mine;
        for (String tag : tags) {
            if (!shape(tag).equals(shape) || (!preRelease && isPreRelease(tag))) {
                continue;
            }
            List<Long> theirs = numbers(tag);
            if (!theirs.getFirst().equals(mine.getFirst())) {
                continue;
            }
            if (compare(theirs, bestNumbers) > 0) {
                best = tag;
                bestNumbers = theirs;
            }
        }
        return Optional.ofNullable(best);
    }

    static String shape(String tag) {
        return DIGITS.matcher(tag).replaceAll("#");
    }

    private static List<Long> numbers(String tag) {
        List<Long> found = new ArrayList<>();
        Matcher m = DIGITS.matcher(tag);
        while (m.find()) {
            // 18 digits fit a long; a longer run (a hash) compares by its first 18, which is enough to order it.
            String run = m.group();
            found.add(Long.parseLong(run.length() > 18 ? run.substring(0, 18) : run));
        }
        return found;
    }

    private static boolean isPreRelease(String tag) {
        Matcher words = WORDS.matcher(tag.toLowerCase(Locale.ROOT));
        while (words.find()) {
            if (PRE_RELEASE.matcher(words.group()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static int compare(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}

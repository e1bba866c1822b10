package dev.berth.engine.deploy;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backup folders' names ({@code 20261205T163000Z}, or {@code 20261205T163000Z-2} for a second
 * deploy in the same second), in the order they were made, and which to remove to keep the newest.
 */
final class BackupNames {
    private static final Pattern NAME = Pattern.compile("(\\d{8}T\\d{6}Z)(?:-(\\d+))?");
    /** By time, then by the number a second backup in the same second got (which sorts wrongly as text: -10 before -2). */
    private static final Comparator<Matcher> MADE = Comparator.<Matcher, String>comparing(m -> m.group(1))
            .thenComparingLong(m -> m.group(2) == null ? 1 : Long.parseLong(m.group(2)));

    private BackupNames() {
    }

    /**
     * @param names what the backups folder holds; names not made by {@link BackupJob} are never chosen
     * @param kept  how many backups to keep
     * @param made  the one just made, never chosen, whatever the clock said when it was named
     * @return the oldest backups beyond {@code kept}, oldest first
     */
    static List<String> toPrune(List<String> names, int kept, String made) {
        List<Matcher> backups = names.stream().map(NAME::matcher).filter(Matcher::matches)
                .filter(m -> !m.group().equals(made)).sorted(MADE).toList();
        // The one just made counts among those kept.
        int remove = backups.size() + 1 - kept;
        return backups.stream().limit(Math.max(0, remove)).map(Matcher::group).toList();
    }
}

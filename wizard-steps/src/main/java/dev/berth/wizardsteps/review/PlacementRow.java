package dev.berth.wizardsteps.review;

import java.util.List;

/**
 * One service of a stack on several machines as the placement section shows it.
 *
 * @param host    where it runs now (for a pin the placer refused: where it runs without that pin)
 * @param choices the hosts it can be pinned to (every host of {@code hosts:})
 * @param pinnedTo the host the person pinned it to, or empty when Berth chose
 * @param reason  the deciding reason, in the placer's words
 * @param problem why the pin cannot hold (a hard rule breaks), or empty
 */
public record PlacementRow(String service, String host, List<String> choices, String pinnedTo, String reason, String problem) {
    public PlacementRow {
        choices = List.copyOf(choices);
    }

    public boolean pinned() {
        return !pinnedTo.isEmpty();
    }
}

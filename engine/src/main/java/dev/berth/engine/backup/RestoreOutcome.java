package dev.berth.engine.backup;

import java.util.List;

/**
 * A restore that ran.
 *
 * @param healthy whether every started service was healthy (or answering) again in time
 * @param summary one line for the person
 * @param lines   one line per service started again, with its state
 */
public record RestoreOutcome(boolean healthy, String summary, List<String> lines) {
    public RestoreOutcome {
        lines = List.copyOf(lines);
    }
}

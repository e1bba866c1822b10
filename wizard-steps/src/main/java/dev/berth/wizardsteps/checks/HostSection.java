package dev.berth.wizardsteps.checks;

import java.util.List;

/**
 * One machine of a stack on several, as the System check page shows it: its checks under its name.
 *
 * @param heading   "nas — media@nas.local"
 * @param resources what it has, in words, once read; empty before
 * @param problem   why it cannot be checked or measured, and what to do; empty when nothing is wrong
 */
public record HostSection(String name, String heading, List<CheckRow> rows, String resources, String problem) {
    public HostSection {
        rows = List.copyOf(rows);
    }
}

package dev.berth.wizardsteps.checks;

import dev.berth.engine.check.Status;

/**
 * One line of the check list as the page shows it.
 *
 * @param status null while the check has not reported yet
 * @param fix    what to do; the exact command where there is one (empty when nothing to do)
 */
public record CheckRow(String id, String title, Status status, String summary, String details, String fix) {
    public boolean waiting() {
        return status == null;
    }
}

package dev.berth.wizardsteps.checks;

import dev.berth.engine.check.Status;

/**
 * One line of the check list as the page shows it.
 *
 * @param status null while the check has not reported yet
 * @param fix    what to do; the exact command where there is one (empty when nothing to do)
 * @param offersDockerInstall Docker is missing or too old there: the row offers the guided install
 */
public record CheckRow(String id, String title, Status status, String summary, String details, String fix,
                       boolean offersDockerInstall) {
    public boolean waiting() {
        return status == null;
    }
}

package dev.berth.wizardsteps.checks;

import dev.berth.engine.check.Status;

/**
 * One line of the check list as the page shows it.
 *
 * @param status null while the check has not reported yet
 * @param fix    what to do; the exact command where there is one (empty when nothing to do)
 * @param offersDockerInstall Docker is missing or too old there: the row offers the guided install
 * @param portAction what the port check's row offers to do with the ports, or null
 */
public record CheckRow(String id, String title, Status status, String summary, String details, String fix,
                       boolean offersDockerInstall, PortAction portAction) {

    /** A row with no port action: every check's but the port check's. */
    public CheckRow(String id, String title, Status status, String summary, String details, String fix, boolean offersDockerInstall) {
        this(id, title, status, summary, details, fix, offersDockerInstall, null);
    }

    public boolean waiting() {
        return status == null;
    }

    /**
     * A button on the port check's row.
     *
     * @param label what the button says ("Use port 8097", "Back to port 8096")
     * @param takes true: takes the check's suggested ports into the answers; false: puts back the
     *              ports there were before they were taken
     */
    public record PortAction(String label, boolean takes) {
    }
}

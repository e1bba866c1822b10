package dev.berth.engine.health;

/**
 * Where one service of a stack is, as the person sees it. The names follow Docker's own words so a
 * line in the report matches what {@code docker ps} would say.
 */
public enum ServiceState {
    /** The container exists but was never started. */
    CREATED,
    /** Started, and its health check has not passed yet. */
    STARTING,
    /** Started and the image has no health check: running is all Docker can tell us. */
    RUNNING,
    /** Its health check passes. */
    HEALTHY,
    /** Its health check fails (Docker gave up after its retries). */
    UNHEALTHY,
    /** The container stopped; the detail holds the exit code. */
    EXITED,
    /** Docker is restarting it under its restart policy (usually after a crash). */
    RESTARTING,
    /** No container of this service exists in the project. */
    MISSING;

    /** Whether a deploy may count this service as up (a running service without health check counts). */
    public boolean up() {
        return this == HEALTHY || this == RUNNING;
    }

    /**
     * The word a person reads: Docker's, except "answering" for a service Docker still calls
     * starting whose web page already answers Berth's probe — on engines before 25 Docker's first
     * check may be half a minute away, and the deploy counted the service up already.
     *
     * @param answers its page answered the latest probe of this start
     */
    public String label(boolean answers) {
        return this == STARTING && answers ? "answering" : name().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.berth.engine.npm;

/**
 * The NPM administrator Berth signs in as, and where NPM's admin port is published on the target.
 *
 * @param email    INITIAL_ADMIN_EMAIL
 * @param password INITIAL_ADMIN_PASSWORD (the stack's npm_admin_password secret)
 * @param hostPort the target's port for NPM's admin port 81, or 0 when it is not published
 */
public record NpmAdmin(String email, String password, int hostPort) {
    /** Keeps the password out of logs and messages that print the record. */
    @Override
    public String toString() {
        return "NpmAdmin[email=" + email + ", password=(hidden), hostPort=" + hostPort + "]";
    }
}

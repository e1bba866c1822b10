package dev.berth.wizardsteps.done;

/**
 * A password or key Berth generated for the stack, shown once on the Done page.
 *
 * @param label    what it opens, e.g. "Grafana" or "Sonarr API key"
 * @param user     the user name or e-mail to sign in with; empty for a key
 * @param value    the secret itself
 * @param storedAt where it is kept on the target, e.g. /opt/berth/secrets/grafana_admin_password
 */
public record Credential(String label, String user, String value, String storedAt) {
    @Override
    public String toString() {
        // Never the value: a record's toString ends up in logs and test messages.
        return "Credential[" + label + ", " + user + ", " + storedAt + "]";
    }
}

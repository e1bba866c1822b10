package dev.berth.engine.target;

/**
 * Asks the person for a password or a key passphrase; called only when one is needed, possibly on
 * a connection thread, and may block until the person answers (the login timeout waits).
 */
@FunctionalInterface
public interface SecretPrompt {
    SecretPrompt NONE = question -> null;

    /**
     * @param question what is asked, e.g. "Passphrase for /home/me/.ssh/id_ed25519"
     * @return the secret, or null when the person gives none (cancel)
     */
    String ask(String question);
}

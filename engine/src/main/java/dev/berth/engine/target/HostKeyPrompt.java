package dev.berth.engine.target;

/**
 * Asks the person whether to trust a server's host key that is not in known_hosts yet. Called on
 * the connection's own thread during the handshake; it may block until the person answers (the
 * login timeout does not run meanwhile).
 */
@FunctionalInterface
public interface HostKeyPrompt {
    /** Refuses every unknown key: for unattended runs, where nobody can compare fingerprints. */
    HostKeyPrompt REFUSE = (host, port, keyType, fingerprint) -> false;

    /**
     * @param keyType     the SSH name of the key type, e.g. {@code ssh-ed25519}
     * @param fingerprint as OpenSSH prints it: {@code SHA256:} and unpadded base64
     * @return true only when the person compared the fingerprint and accepts it
     */
    boolean trust(String host, int port, String keyType, String fingerprint);
}

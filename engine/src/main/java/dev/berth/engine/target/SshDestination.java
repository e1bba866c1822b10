package dev.berth.engine.target;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The server to connect to, as the person named it. Values left out (port 0, user or key null)
 * come from the matching {@code Host} block of the SSH config, then from SSH's defaults.
 *
 * @param host     a host name, an address, or a {@code Host} alias from the SSH config
 * @param port     0 for the config's Port, or 22
 * @param user     null for the config's User, or the local user name
 * @param keyFile  a private key to log in with; null for the config's IdentityFile, or the usual
 *                 ~/.ssh/id_ed25519, id_ecdsa, id_rsa
 * @param hostKey  asked before an unknown host key is trusted
 * @param passphrase asked for the passphrase of an encrypted key
 * @param password asked for the password when no key is accepted
 * @param keeping  whether a typed passphrase may be kept in (and later read from) the OS keychain
 */
public record SshDestination(String host, int port, String user, Path keyFile, HostKeyPrompt hostKey,
                             SecretPrompt passphrase, SecretPrompt password, PassphraseKeeping keeping) {
    public SshDestination {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("no host name");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
        hostKey = hostKey == null ? HostKeyPrompt.REFUSE : hostKey;
        passphrase = passphrase == null ? SecretPrompt.NONE : passphrase;
        password = password == null ? SecretPrompt.NONE : password;
        keeping = keeping == null ? PassphraseKeeping.NEVER : keeping;
    }

    /** A destination whose passphrases are never kept in a keychain. */
    public SshDestination(String host, int port, String user, Path keyFile, HostKeyPrompt hostKey,
                          SecretPrompt passphrase, SecretPrompt password) {
        this(host, port, user, keyFile, hostKey, passphrase, password, PassphraseKeeping.NEVER);
    }

    /** A destination logging in with a key; unknown host keys are refused. */
    public static SshDestination withKey(String host, int port, String user, Path keyFile) {
        return new SshDestination(host, port, user, keyFile, null, null, null);
    }

    public SshDestination withHostKeyPrompt(HostKeyPrompt prompt) {
        return new SshDestination(host, port, user, keyFile, prompt, passphrase, password, keeping);
    }

    public SshDestination withPassphrase(SecretPrompt prompt) {
        return new SshDestination(host, port, user, keyFile, hostKey, prompt, password, keeping);
    }

    public SshDestination withPassword(SecretPrompt prompt) {
        return new SshDestination(host, port, user, keyFile, hostKey, passphrase, prompt, keeping);
    }

    public SshDestination withKeeping(PassphraseKeeping keep) {
        return new SshDestination(host, port, user, keyFile, hostKey, passphrase, password, keep);
    }
}
